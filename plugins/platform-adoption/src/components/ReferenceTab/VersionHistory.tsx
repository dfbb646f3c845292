import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ReferenceChange } from '@platform-adoption/plugin-platform-adoption-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef, ReferenceVersionSummary } from '../../api';
import { ActorLink } from '../shared/ActorLink';
import { changeSubject } from '../shared/changes';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatDateTime } from '../shared/format';
import { FacetTitles } from '../shared/reasons';
import { RequirementTable, VariantsAndPractices } from './StandardView';

const CHANGE_LABELS: Record<ReferenceChange['change'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/** The changes between two versions, one row each. */
export const ChangeTable = (props: {
  changes: ReferenceChange[];
  titles: FacetTitles;
  label: string;
}) => {
  const { changes, titles, label } = props;
  if (changes.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No differences.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>What</TableCell>
          <TableCell>Change</TableCell>
          <TableCell>Before</TableCell>
          <TableCell>After</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map(change => (
          <TableRow key={`${change.kind}-${change.subject}`}>
            <TableCell component="th" scope="row">
              {changeSubject(change, titles)}
            </TableCell>
            <TableCell>{CHANGE_LABELS[change.change]}</TableCell>
            <TableCell>{change.from ?? '—'}</TableCell>
            <TableCell>{change.to ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** One published version, read on request. */
const VersionDialog = (props: {
  platform: string;
  version: number;
  titles: FacetTitles;
  onClose: () => void;
}) => {
  const { platform, version, titles, onClose } = props;
  const api = useApi(platformAdoptionApiRef);
  const state = useAsyncRetry(
    () => api.getReferenceVersion(platform, version),
    [api, platform, version],
  );
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="reference-version-title">
      <DialogTitle id="reference-version-title">Version {version}</DialogTitle>
      <DialogContent>
        {state.loading && <Progress />}
        {state.error && (
          <ErrorNotice what={`version ${version}`} error={state.error} onRetry={state.retry} />
        )}
        {state.value && (
          <>
            <Typography variant="subtitle1">{state.value.title}</Typography>
            <Typography variant="body2" paragraph>
              {state.value.rationale}
            </Typography>
            <RequirementTable
              facets={state.value.facets}
              titles={titles}
              label={`Requirements of version ${version}`}
            />
            <VariantsAndPractices content={state.value} titles={titles} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};

/** Compares any two versions; by default the newest with the one before. */
const Compare = (props: {
  platform: string;
  versions: ReferenceVersionSummary[];
  titles: FacetTitles;
}) => {
  const { platform, versions, titles } = props;
  const api = useApi(platformAdoptionApiRef);
  const numbers = versions.map(v => v.version);
  const [from, setFrom] = useState(numbers[1] ?? numbers[0]);
  const [to, setTo] = useState(numbers[0]);
  const diff = useAsyncRetry(
    async () => (from === to ? undefined : api.diffReferences(platform, from, to)),
    [api, platform, from, to],
  );
  const select = (label: string, value: number, onChange: (v: number) => void) => (
    <TextField
      select
      label={label}
      value={value}
      onChange={e => onChange(Number(e.target.value))}
      style={{ width: 140 }}
      id={`reference-compare-${label.toLocaleLowerCase()}`}
    >
      {numbers.map(n => (
        <MenuItem key={n} value={n}>
          Version {n}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Box mt={2}>
      <Typography variant="h6" component="h3">
        Compare versions
      </Typography>
      <Box display="flex" style={{ gap: 16 }} mb={1}>
        {select('From', from, setFrom)}
        {select('To', to, setTo)}
      </Box>
      {from === to && (
        <Typography variant="body2" color="textSecondary">
          Choose two different versions.
        </Typography>
      )}
      {diff.loading && <Progress />}
      {diff.error && <ErrorNotice what="the differences" error={diff.error} onRetry={diff.retry} />}
      {diff.value && !diff.loading && (
        <ChangeTable
          changes={diff.value.changes}
          titles={titles}
          label={`Changes from version ${diff.value.from} to version ${diff.value.to}`}
        />
      )}
    </Box>
  );
};

/**
 * Every published version, newest first, which one is in force, and what
 * changed between any two of them.
 */
export const VersionHistory = (props: {
  platform: string;
  versions: ReferenceVersionSummary[];
  current?: number;
  titles: FacetTitles;
}) => {
  const { platform, versions, current, titles } = props;
  const [open, setOpen] = useState<number>();
  return (
    <Paper variant="outlined" component="section" aria-labelledby="reference-history-title">
      <Box p={2}>
        <Typography variant="h5" component="h2" id="reference-history-title">
          Version history
        </Typography>
        {versions.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No version has been published yet.
          </Typography>
        ) : (
          <>
            <Table size="small" aria-label="Published versions">
              <TableHead>
                <TableRow>
                  <TableCell>Version</TableCell>
                  <TableCell>Published</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {versions.map(v => {
                  let status = <Chip size="small" variant="outlined" label="Superseded" />;
                  if (v.retiredAt) {
                    status = <Chip size="small" label={`Retired ${formatDateTime(v.retiredAt)}`} />;
                  } else if (v.version === current) {
                    status = <Chip size="small" color="primary" label="In force" />;
                  }
                  return (
                    <TableRow key={v.version}>
                      <TableCell component="th" scope="row">
                        {v.version}
                      </TableCell>
                      <TableCell>
                        {formatDateTime(v.publishedAt)} by <ActorLink actor={v.publishedBy} />
                      </TableCell>
                      <TableCell>{status}</TableCell>
                      <TableCell align="right">
                        <Button size="small" onClick={() => setOpen(v.version)}>
                          View version {v.version}
                        </Button>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {versions.length > 1 && <Compare platform={platform} versions={versions} titles={titles} />}
          </>
        )}
      </Box>
      {open !== undefined && (
        <VersionDialog platform={platform} version={open} titles={titles} onClose={() => setOpen(undefined)} />
      )}
    </Paper>
  );
};
