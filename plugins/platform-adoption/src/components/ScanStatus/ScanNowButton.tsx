import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { platformAdoptionScanTriggerPermission } from '@platform-adoption/plugin-platform-adoption-common';
import { useState } from 'react';
import { platformAdoptionApiRef } from '../../api';

function triggerFailure(error: Error): string {
  if (ResponseError.is(error) && error.statusCode === 409) {
    return 'A scan is already running; the page updates when it finishes.';
  }
  if (ResponseError.is(error) && error.statusCode === 403) {
    return 'You are not allowed to start scans (platform-adoption.scan.trigger).';
  }
  return `The scan could not be started: ${error.message}. Try again, or ask the portal team to check the backend.`;
}

/**
 * "Scan now", shown only to people allowed to trigger scans; everybody
 * else waits for the schedule and does not see a button that would fail.
 */
export const ScanNowButton = (props: {
  running: boolean;
  onTriggered: () => void;
}) => {
  const { running, onTriggered } = props;
  const api = useApi(platformAdoptionApiRef);
  const { allowed, loading } = usePermission({
    permission: platformAdoptionScanTriggerPermission,
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  if (loading || !allowed) return null;

  const trigger = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      await api.triggerScan();
      setMessage('Scan started. Results update here when it finishes.');
      onTriggered();
    } catch (error) {
      setMessage(triggerFailure(error as Error));
      onTriggered();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Typography variant="body2" color="textSecondary" role="status">
        {message}
      </Typography>
      <Button
        variant="contained"
        color="primary"
        startIcon={<RefreshIcon />}
        onClick={trigger}
        disabled={busy || running}
      >
        {running ? 'Scan running…' : 'Scan now'}
      </Button>
    </Box>
  );
};
