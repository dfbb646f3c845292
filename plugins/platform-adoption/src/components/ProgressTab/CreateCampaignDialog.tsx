import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { Campaign, OrgUnitNode } from '@platform-adoption/plugin-platform-adoption-common';
import { useState } from 'react';
import { platformAdoptionApiRef, ReferenceVersionSummary } from '../../api';
import { errorMessage } from '../shared/ErrorNotice';
import { DAY, timeDay } from './progressData';

/**
 * Starting a campaign: a title, the reference version to reach, the org
 * units in scope (their sub-units included) and a deadline.
 */
export const CreateCampaignDialog = (props: {
  platform: { id: string; title: string };
  versions: ReferenceVersionSummary[];
  units: OrgUnitNode[];
  onClose: () => void;
  onCreated: (campaign: Campaign) => void;
}) => {
  const { platform, versions, units, onClose, onCreated } = props;
  const api = useApi(platformAdoptionApiRef);
  const targets = versions.filter(v => !v.retiredAt);
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState<number | undefined>(targets[0]?.version);
  const [scope, setScope] = useState<OrgUnitNode[]>([]);
  const [deadline, setDeadline] = useState(() => timeDay(Date.now() + 90 * DAY));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const tomorrow = timeDay(Date.now() + DAY);
  const problems = {
    title: title.trim() ? undefined : 'Name the campaign',
    target: target ? undefined : 'Publish a reference version first',
    scope: scope.length ? undefined : 'Choose at least one org unit',
    deadline: deadline && deadline >= tomorrow ? undefined : 'A date in the future',
  };
  const invalid = Object.values(problems).some(Boolean);

  const create = async () => {
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const campaign = await api.createCampaign({
        platform: platform.id,
        title: title.trim(),
        targetVersion: target!,
        scope: scope.map(u => u.ref),
        deadline,
      });
      onCreated(campaign);
    } catch (error) {
      setFailure(errorMessage(error as Error));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="create-campaign-title">
      <DialogTitle id="create-campaign-title">Start a {platform.title} campaign</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" paragraph>
          Teams in scope see how far they are from the target version, and who is behind a straight line to the
          deadline.
        </Typography>
        <Box display="grid" style={{ gap: 16 }}>
          <TextField
            id="campaign-title"
            label="Title"
            value={title}
            onChange={e => setTitle(e.target.value)}
            error={touched && Boolean(problems.title)}
            helperText={touched && problems.title}
          />
          <TextField
            id="campaign-target"
            select
            SelectProps={{ native: true }}
            label="Target version"
            value={target ?? ''}
            onChange={e => setTarget(Number(e.target.value) || undefined)}
            error={touched && Boolean(problems.target)}
            helperText={touched ? problems.target : undefined}
            InputLabelProps={{ shrink: true }}
          >
            {targets.length === 0 && <option value="">No published version</option>}
            {targets.map(v => (
              <option key={v.version} value={v.version}>
                Version {v.version}
              </option>
            ))}
          </TextField>
          <Autocomplete
            multiple
            id="campaign-scope"
            options={[...units].sort((a, b) => a.title.localeCompare(b.title))}
            getOptionLabel={u => u.title}
            getOptionSelected={(a, b) => a.ref === b.ref}
            value={scope}
            onChange={(_e, value) => setScope(value)}
            renderInput={params => (
              <TextField
                {...params}
                label="Scope"
                error={touched && Boolean(problems.scope)}
                helperText={touched && problems.scope ? problems.scope : 'Org units; their sub-units are included'}
              />
            )}
          />
          <TextField
            id="campaign-deadline"
            label="Deadline"
            type="date"
            value={deadline}
            onChange={e => setDeadline(e.target.value)}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: tomorrow }}
            error={touched && Boolean(problems.deadline)}
            helperText={touched && problems.deadline}
          />
        </Box>
        {failure && (
          <Box mt={2}>
            <Alert severity="error">The campaign was not started: {failure}</Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" color="primary" onClick={create} disabled={busy}>
          Start campaign
        </Button>
      </DialogActions>
    </Dialog>
  );
};
