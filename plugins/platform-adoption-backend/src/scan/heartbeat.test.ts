import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { createStores } from '../store/createStores';
import { HEARTBEAT_INTERVAL_MS, reclaimAbandonedScans, STALE_AFTER_MS, withHeartbeat } from './heartbeat';
import { SCAN_TASK_ID } from './schedule';

/**
 * A scan whose process died is failed once it has been silent long enough,
 * and the scheduler's lock on the scan task is released so the next scan
 * need not wait for the task's timeout; a live scan is left alone.
 */
describe('scan heartbeat', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup() {
    const knex = await databases.init('SQLITE_3');
    const stores = await createStores({ getClient: async () => knex } as any);
    const scheduler = mockServices.scheduler.mock({ cancelTask: jest.fn(async () => {}) });
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const scan = async (startedAgo: number, beatAgo?: number) => {
      const [row] = await knex('scans')
        .insert({
          status: 'running',
          trigger: 'schedule',
          started_at: ago(startedAgo),
          heartbeat_at: beatAgo === undefined ? null : ago(beatAgo),
        })
        .returning('id');
      return Number(typeof row === 'object' ? row.id : row);
    };
    const reclaim = () => reclaimAbandonedScans({ scans: stores.scans, scheduler, logger: mockServices.logger.mock() });
    return { stores, scheduler, scan, reclaim };
  }

  it('fails a scan silent for too long and releases the scan task', async () => {
    const { stores, scheduler, scan, reclaim } = await setup();
    const dead = await scan(10 * 60_000, STALE_AFTER_MS + 5_000);
    expect(await reclaim()).toBe(1);
    expect(await stores.scans.getScan(dead)).toMatchObject({
      status: 'failed',
      finishedAt: expect.any(String),
      error: expect.stringMatching(/^interrupted: the process running this scan stopped before it finished/),
    });
    expect(scheduler.cancelTask).toHaveBeenCalledWith(SCAN_TASK_ID);
  });

  it('leaves running scans alone that beat recently or have just started', async () => {
    const { stores, scheduler, scan, reclaim } = await setup();
    const beating = await scan(10 * 60_000, HEARTBEAT_INTERVAL_MS);
    const starting = await scan(2_000);
    expect(await reclaim()).toBe(0);
    expect(await stores.scans.getScan(beating)).toMatchObject({ status: 'running' });
    expect(await stores.scans.getScan(starting)).toMatchObject({ status: 'running' });
    expect(scheduler.cancelTask).not.toHaveBeenCalled();
  });

  it('still fails the scan when the task lock had already expired', async () => {
    const { stores, scheduler, scan, reclaim } = await setup();
    scheduler.cancelTask.mockRejectedValue(new ConflictError(`Task ${SCAN_TASK_ID} is not running`));
    const dead = await scan(STALE_AFTER_MS + 60_000);
    expect(await reclaim()).toBe(1);
    expect(await stores.scans.getScan(dead)).toMatchObject({ status: 'failed' });
  });

  it('beats while the scan runs, and stops when it ends', async () => {
    jest.useFakeTimers();
    try {
      const beat = jest.fn(async () => {});
      let finish = () => {};
      const running = withHeartbeat({ beat } as any, () => new Promise<void>(resolve => (finish = resolve)));
      jest.advanceTimersByTime(HEARTBEAT_INTERVAL_MS * 3 + 1);
      expect(beat).toHaveBeenCalledTimes(3);
      finish();
      await running;
      jest.advanceTimersByTime(HEARTBEAT_INTERVAL_MS * 3);
      expect(beat).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
