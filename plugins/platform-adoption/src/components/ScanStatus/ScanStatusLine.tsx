import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ScanRun,
  ScanStatusResponse,
} from '@platform-adoption/plugin-platform-adoption-common';
import { useState } from 'react';
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  pluralize,
} from '../shared/format';
import { ScanProblemsDialog } from './ScanProblemsDialog';

/**
 * Results older than this are called out: the schedule runs scans far more
 * often (hourly in the demo), so a gap this long means it is not running.
 */
export const STALE_AFTER_MS = 48 * 3600 * 1000;

/** How the running scan is named, by what started it. */
const RUNNING_SCAN: Record<ScanRun['trigger'], string> = {
  manual: 'A manual scan',
  schedule: 'A scheduled scan',
  push: 'A scan of pushed repositories',
};

const When = ({ iso }: { iso: string }) => (
  <time dateTime={iso} title={formatDateTime(iso)}>
    {formatRelativeTime(iso)}
  </time>
);

function scanNumbers(run: ScanRun): string {
  const s = run.stats;
  if (!s) return '';
  const parts = [
    pluralize(s.deployments, 'deployment'),
    `${pluralize(s.repositories, 'repository', 'repositories')} (${s.repositoriesRead} read, ${s.repositoriesUnchanged} unchanged)`,
    `took ${formatDuration(s.durationMs)}`,
  ];
  return parts.join(' · ');
}

/**
 * One line on the last scan (when, how much, how long) and a warning when
 * results are old, a scan failed, or repositories could not be read.
 */
export const ScanStatusLine = (props: {
  status: ScanStatusResponse | undefined;
  error?: Error;
  now?: number;
}) => {
  const { status, error, now = Date.now() } = props;
  const [problemsOpen, setProblemsOpen] = useState(false);

  if (error) {
    return (
      <Alert severity="warning">
        Could not read the scan status ({error.message}). The figures below
        may be out of date; reload the page to try again.
      </Alert>
    );
  }
  if (!status) return null;
  const { current, running, lastFailed } = status;
  const stats = current?.stats;
  const finished = current?.finishedAt ?? current?.startedAt;
  const stale =
    finished !== undefined && now - new Date(finished).getTime() > STALE_AFTER_MS;

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }} mb={2}>
      {current && finished && (
        <Typography variant="body2" color="textSecondary">
          Last scan finished <When iso={finished} /> · {scanNumbers(current)}
          {stats && stats.problems > 0 && (
            <>
              {' · '}
              <Button
                size="small"
                color="primary"
                onClick={() => setProblemsOpen(true)}
              >
                {pluralize(stats.problems, 'problem')}
              </Button>
            </>
          )}
        </Typography>
      )}
      {running && (
        <Alert severity="info">
          {RUNNING_SCAN[running.trigger] ?? 'A scan'} is running (started{' '}
          <When iso={running.startedAt} />). The figures update when it
          finishes.
        </Alert>
      )}
      {lastFailed && (
        <Alert severity="error">
          The scan started <When iso={lastFailed.startedAt} /> failed
          {lastFailed.error ? `: ${lastFailed.error}` : ''}.{' '}
          {current
            ? 'The figures below are from the last scan that completed.'
            : 'No scan has completed yet.'}{' '}
          Ask the portal team to check the backend logs, then scan again.
        </Alert>
      )}
      {stale && !running && (
        <Alert severity="warning">
          These results are from a scan that finished <When iso={finished!} />.
          Scans run on a schedule, so the scheduler may have stopped: ask the
          portal team to check the Platform Adoption backend.
        </Alert>
      )}
      {stats && stats.repositoriesFailed > 0 && (
        <Alert severity="warning">
          {pluralize(stats.repositoriesFailed, 'repository', 'repositories')}{' '}
          could not be read. Their last known deployments are kept and marked
          stale until a scan reads them again.
        </Alert>
      )}
      {current && stats && stats.problems > 0 && (
        <ScanProblemsDialog
          scanId={current.id}
          total={stats.problems}
          open={problemsOpen}
          onClose={() => setProblemsOpen(false)}
        />
      )}
    </Box>
  );
};
