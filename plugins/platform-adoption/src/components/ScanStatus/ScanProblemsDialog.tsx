import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatNumber } from '../shared/format';

/** The most problems the dialog lists; the rest are counted. */
const PROBLEM_LIMIT = 200;

/** What a scan could not read or parse, one line per input. */
export const ScanProblemsDialog = (props: {
  scanId: number;
  total: number;
  open: boolean;
  onClose: () => void;
}) => {
  const { scanId, total, open, onClose } = props;
  const api = useApi(platformAdoptionApiRef);
  const problems = useAsyncRetry(
    async () =>
      open
        ? (await api.listScanProblems(scanId, { limit: PROBLEM_LIMIT })).items
        : [],
    [api, scanId, open],
  );

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="scan-problems-title">
      <DialogTitle id="scan-problems-title">
        Problems in scan {scanId}
      </DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="textSecondary" paragraph>
          Inputs the scan could not read or parse. The scan went on without
          them; a repository that failed keeps its last known deployments,
          marked stale. Fix the file or the integration, then scan again.
        </Typography>
        {problems.loading && <Progress />}
        {problems.error && (
          <ErrorNotice
            what="the scan's problems"
            error={problems.error}
            onRetry={problems.retry}
          />
        )}
        {problems.value && (
          <List dense>
            {problems.value.map((p, index) => (
              <ListItem key={`${p.source}-${p.file}-${index}`} divider>
                <ListItemText
                  primary={p.message}
                  secondary={p.file ? `${p.source} — ${p.file}` : p.source}
                />
              </ListItem>
            ))}
          </List>
        )}
        {problems.value && total > problems.value.length && (
          <Typography variant="body2" color="textSecondary">
            Showing the first {formatNumber(problems.value.length)} of{' '}
            {formatNumber(total)} problems.
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};
