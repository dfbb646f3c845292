import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { ScanStore } from '../store/ScanStore';
import { PUSH_SCAN_TASK_ID, SCAN_TASK_ID } from './schedule';

/** How often the process running a scan says it is alive. */
export const HEARTBEAT_INTERVAL_MS = 10_000;
/**
 * Silence after which a running scan is taken for abandoned: several missed
 * beats, so a busy event loop or a slow database is not mistaken for a dead
 * process, and short next to a scan task's timeout (30 minutes in the demo),
 * which is how long the scheduler alone would keep the task locked.
 */
export const STALE_AFTER_MS = 45_000;

/** Runs `fn` (a scan) while beating for the running scan. */
export async function withHeartbeat<T>(scans: ScanStore, fn: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    // A missed beat is harmless; several in a row are what makes a scan stale.
    scans.beat().catch(() => {});
  }, HEARTBEAT_INTERVAL_MS);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Fails scans whose process died mid-scan and frees the scan task for the
 * next run. A killed process holds the scheduler's lock on the task until
 * the task's timeout: until then "scan now" answers 409 and scheduled scans
 * wait. Once its scan has been silent for STALE_AFTER_MS nobody is running
 * it, so the lock is released (cancelTask, as an operator would).
 *
 * Returns how many scans were failed.
 */
export async function reclaimAbandonedScans(deps: {
  scans: ScanStore;
  scheduler: SchedulerService;
  logger: LoggerService;
}): Promise<number> {
  const cutoff = new Date(Date.now() - STALE_AFTER_MS).toISOString();
  if (!(await deps.scans.countStaleScans(cutoff))) return 0;
  // The locks first: once the scan shows as failed, "scan now" must work.
  for (const task of [SCAN_TASK_ID, PUSH_SCAN_TASK_ID]) {
    try {
      await deps.scheduler.cancelTask(task);
    } catch (error) {
      // Not running (the lock had already expired): nothing to release.
      if ((error as Error)?.name !== 'ConflictError') {
        deps.logger.warn(`Could not release the ${task} task after an abandoned scan: ${stringifyError(error)}`);
      }
    }
  }
  const failed = await deps.scans.failStaleScans(
    cutoff,
    `interrupted: the process running this scan stopped before it finished (no sign of life since ${cutoff}); ` +
      'the previous results stay current',
  );
  deps.logger.warn(
    `Marked ${failed} platform adoption scan(s) failed: their process stopped mid-scan (no sign of life since ${cutoff})`,
  );
  return failed;
}
