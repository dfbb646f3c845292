import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { ConformanceDifference } from '@platform-adoption/plugin-platform-adoption-common';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ConformanceItem, ExemptionWithStatus, platformAdoptionApiRef } from '../../api';
import { withDeploymentParam } from '../DeploymentDrawer/DeploymentDrawer';
import { ActorLink } from '../shared/ActorLink';
import { ErrorNotice, errorMessage } from '../shared/ErrorNotice';
import { formatDateTime, formatFacetValue, formatNumber, shortRef } from '../shared/format';
import { SearchBox } from '../shared/SearchBox';
import { FacetTitles } from '../shared/reasons';

const DAY = 86_400_000;
/** Nonconforming deployments listed at once; the search finds the others. */
const SHOWN = 25;
/** The backend allows exemptions of up to two years. */
const MAX_DAYS = 2 * 365;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export type ExemptionStatus = 'active' | 'expired' | 'revoked';

export function exemptionStatus(exemption: ExemptionWithStatus): ExemptionStatus {
  if (exemption.revokedAt) return 'revoked';
  return exemption.active ? 'active' : 'expired';
}

const STATUS_LABELS: Record<ExemptionStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

interface GrantTarget {
  deployment: ConformanceItem['deployment'];
  difference: ConformanceDifference;
}

/** Leave to deviate from one facet: why, and until when. */
const GrantDialog = (props: {
  target: GrantTarget;
  titles: FacetTitles;
  onClose: () => void;
  onGranted: () => void;
}) => {
  const { target, titles, onClose, onGranted } = props;
  const api = useApi(platformAdoptionApiRef);
  const [justification, setJustification] = useState('');
  const [expires, setExpires] = useState(() => isoDay(Date.now() + 90 * DAY));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const tooShort = justification.trim().length < 10;
  const min = isoDay(Date.now() + DAY);
  const max = isoDay(Date.now() + MAX_DAYS * DAY);
  const badDate = !expires || expires < min || expires > max;
  const facet = titles(target.difference.facet);

  const grant = async () => {
    setTouched(true);
    if (tooShort || badDate) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api.createExemption({
        deploymentId: target.deployment.id,
        facet: target.difference.facet,
        justification: justification.trim(),
        expiresAt: expires,
      });
      onGranted();
    } catch (error) {
      setFailure(errorMessage(error as Error));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="grant-exemption-title">
      <DialogTitle id="grant-exemption-title">
        Exempt {target.deployment.name} from {facet}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          It runs {formatFacetValue(target.difference.value)}; the standard requires {target.difference.required}.
          While the exemption is active the difference does not count against conformance.
        </Typography>
        <Box display="grid" style={{ gap: 16 }}>
          <TextField
            id="grant-exemption-justification"
            label="Justification"
            multiline
            minRows={3}
            value={justification}
            onChange={e => setJustification(e.target.value)}
            error={touched && tooShort}
            helperText={touched && tooShort ? 'Say why, in at least 10 characters' : 'Why this deviation is acceptable for now'}
          />
          <TextField
            id="grant-exemption-expires"
            label="Expires on"
            type="date"
            value={expires}
            onChange={e => setExpires(e.target.value)}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min, max }}
            error={touched && badDate}
            helperText={touched && badDate ? `A date between ${min} and ${max}` : 'At most two years ahead'}
          />
        </Box>
        {failure && (
          <Box mt={2}>
            <Alert severity="error">The exemption was not granted: {failure}</Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" color="primary" onClick={grant} disabled={busy}>
          Grant exemption
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Exemptions from the standard, for those who may grant them: every
 * exemption with its state (active, expired, revoked) and a way to revoke
 * it, and the deployments that differ from the standard with a way to
 * exempt one difference, with a justification and an expiry.
 */
export const ExemptionsPanel = (props: {
  platform: string;
  titles: FacetTitles;
  /** The version in force; the lists are read again when it changes. */
  standardVersion?: number;
}) => {
  const { platform, titles, standardVersion } = props;
  const api = useApi(platformAdoptionApiRef);
  const [params] = useSearchParams();
  const data = useAsyncRetry(async () => {
    const [exemptions, conformance] = await Promise.all([
      api.listExemptions({ platform }),
      api.getConformance({ platform }),
    ]);
    return { exemptions: exemptions.items, conformance };
  }, [api, platform, standardVersion]);
  const [target, setTarget] = useState<GrantTarget>();
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string }>();
  const [revoking, setRevoking] = useState<string>();

  const revoke = async (exemption: ExemptionWithStatus) => {
    setRevoking(exemption.id);
    setNotice(undefined);
    try {
      await api.revokeExemption(exemption.id);
      setNotice({ severity: 'success', text: `Revoked the exemption from ${titles(exemption.facet)}.` });
      data.retry();
    } catch (error) {
      setNotice({ severity: 'error', text: `Could not revoke: ${errorMessage(error as Error)}` });
    } finally {
      setRevoking(undefined);
    }
  };

  let body: JSX.Element;
  if (data.loading && !data.value) body = <Progress />;
  else if (data.error) body = <ErrorNotice what="the exemptions" error={data.error} onRetry={data.retry} />;
  else {
    const { exemptions, conformance } = data.value!;
    const names = new Map(conformance.items.map(i => [i.deployment.id, i.deployment.name]));
    const needle = search.trim().toLocaleLowerCase();
    const differing = conformance.items.filter(
      i =>
        i.conformance &&
        i.conformance.differences.some(d => !d.exemptionId) &&
        (!needle ||
          [i.deployment.name, i.deployment.teamRef, i.deployment.entityRef]
            .filter(Boolean)
            .some(text => text!.toLocaleLowerCase().includes(needle))),
    );
    body = (
      <>
        {exemptions.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No exemption has been granted.
          </Typography>
        ) : (
          <Table size="small" aria-label="Exemptions">
            <TableHead>
              <TableRow>
                <TableCell>Deployment</TableCell>
                <TableCell>Facet</TableCell>
                <TableCell>Justification</TableCell>
                <TableCell>Granted</TableCell>
                <TableCell>Expires</TableCell>
                <TableCell>Status</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {exemptions.map(e => {
                const status = exemptionStatus(e);
                return (
                  <TableRow key={e.id}>
                    <TableCell>
                      <Link to={withDeploymentParam(params, e.deploymentId)}>
                        {names.get(e.deploymentId) ?? e.deploymentId}
                      </Link>
                    </TableCell>
                    <TableCell>{titles(e.facet)}</TableCell>
                    <TableCell>{e.justification}</TableCell>
                    <TableCell>
                      {formatDateTime(e.createdAt)} by <ActorLink actor={e.author} />
                    </TableCell>
                    <TableCell>{formatDateTime(e.expiresAt)}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={status === 'active' ? 'primary' : 'default'}
                        variant={status === 'active' ? 'default' : 'outlined'}
                        label={
                          status === 'revoked' && e.revokedAt
                            ? `Revoked ${formatDateTime(e.revokedAt)}`
                            : STATUS_LABELS[status]
                        }
                      />
                    </TableCell>
                    <TableCell align="right">
                      {status === 'active' && (
                        <Button
                          size="small"
                          onClick={() => revoke(e)}
                          disabled={revoking === e.id}
                          aria-label={`Revoke the exemption of ${names.get(e.deploymentId) ?? e.deploymentId} from ${titles(e.facet)}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        <Box mt={3}>
          <Typography variant="h6" component="h3">
            Grant an exemption
          </Typography>
          {!conformance.standard ? (
            <Typography variant="body2" color="textSecondary">
              No standard is in force, so there is nothing to be exempted from.
            </Typography>
          ) : (
            <>
              <Typography variant="body2" color="textSecondary" paragraph>
                Deployments that differ from version {conformance.standard.version}; exempt one difference at a time.
              </Typography>
              <SearchBox id="exemptions-find-deployment" label="Find a deployment" value={search} onChange={setSearch} />
              {differing.length === 0 ? (
                <Typography variant="body2" color="textSecondary" style={{ marginTop: 8 }}>
                  {needle ? `No differing deployment matches “${search}”.` : 'Every deployment conforms.'}
                </Typography>
              ) : (
                <Table size="small" aria-label="Differences from the standard">
                  <TableHead>
                    <TableRow>
                      <TableCell>Deployment</TableCell>
                      <TableCell>Facet</TableCell>
                      <TableCell>Runs</TableCell>
                      <TableCell>Required</TableCell>
                      <TableCell />
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {differing.slice(0, SHOWN).flatMap(item =>
                      item.conformance!.differences
                        .filter(d => !d.exemptionId)
                        .map(d => (
                          <TableRow key={`${item.deployment.id}-${d.facet}`}>
                            <TableCell>
                              <Link to={withDeploymentParam(params, item.deployment.id)}>{item.deployment.name}</Link>
                              <Typography variant="caption" color="textSecondary" component="div">
                                {shortRef(item.deployment.teamRef)}
                              </Typography>
                            </TableCell>
                            <TableCell>{titles(d.facet)}</TableCell>
                            <TableCell>{formatFacetValue(d.value)}</TableCell>
                            <TableCell>{d.required}</TableCell>
                            <TableCell align="right">
                              <Button
                                size="small"
                                onClick={() => setTarget({ deployment: item.deployment, difference: d })}
                                aria-label={`Exempt ${item.deployment.name} from ${titles(d.facet)}`}
                              >
                                Exempt…
                              </Button>
                            </TableCell>
                          </TableRow>
                        )),
                    )}
                  </TableBody>
                </Table>
              )}
              {differing.length > SHOWN && (
                <Typography variant="body2" color="textSecondary">
                  Showing {SHOWN} of {formatNumber(differing.length)} differing deployments; search to find others.
                </Typography>
              )}
            </>
          )}
        </Box>
      </>
    );
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby="reference-exemptions-title">
      <Box p={2}>
        <Typography variant="h5" component="h2" id="reference-exemptions-title">
          Exemptions
        </Typography>
        {notice && (
          <Box my={1}>
            <Alert severity={notice.severity} onClose={() => setNotice(undefined)}>
              {notice.text}
            </Alert>
          </Box>
        )}
        {body}
      </Box>
      {target && (
        <GrantDialog
          target={target}
          titles={titles}
          onClose={() => setTarget(undefined)}
          onGranted={() => {
            setNotice({
              severity: 'success',
              text: `Exempted ${target.deployment.name} from ${titles(target.difference.facet)}.`,
            });
            setTarget(undefined);
            data.retry();
          }}
        />
      )}
    </Paper>
  );
};
