import fs from 'node:fs';
import { Knex } from 'knex';
import { Api } from './__testUtils__/api';
import { BackendProcess, sleep, startBackendProcess, stopAllBackendProcesses, waitFor, workDirectory } from './__testUtils__/backendProcess';
import { createTestDatabase, POSTGRES_URL, TestDatabase } from './__testUtils__/database';
import { Enterprise, writeEnterprise } from './__testUtils__/enterprise';
import { reliabilityTally } from './__testUtils__/reliabilityReport';

/**
 * Two replicas of the product backend on one PostgreSQL database, both
 * scheduling the scan every few seconds, as a deployment with several
 * replicas runs: each scheduled scan runs once, on one replica, never two
 * at a time; no deployment is stored twice; and both replicas answer the
 * same.
 */
// Not a multiple of the scheduler's 5 s polling, so that the replicas take turns winning the race.
const PERIOD_S = 17;
const PERIODS = 3;
const COMPONENTS = 120;

const describeWithPostgres = POSTGRES_URL ? describe : describe.skip;

if (!POSTGRES_URL) {
  // Shown in the output of a run without PostgreSQL, next to the skipped test.
  // eslint-disable-next-line no-console
  console.warn(
    'replicasShareOneDatabase: skipped, it needs PostgreSQL (set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
  );
}

describeWithPostgres('two replicas sharing one PostgreSQL database', () => {
  const faults = reliabilityTally('replicas-share-one-database', 'faults');
  let workDir: string;
  let enterprise: Enterprise;
  let database: TestDatabase;

  beforeAll(() => {
    workDir = workDirectory('replicas');
    enterprise = writeEnterprise(workDir, { components: COMPONENTS });
    database = createTestDatabase('postgres', workDir);
  });

  afterAll(async () => {
    await stopAllBackendProcesses();
    await database?.destroy();
    fs.rmSync(workDir, { recursive: true, force: true });
    faults.write();
  }, 60_000);

  it('runs each scheduled scan exactly once, stores it once, and serves it the same from both', async () => {
    const config = enterprise.config({
      database: database.config,
      schedule: { frequency: { seconds: PERIOD_S }, timeout: { minutes: 2 }, initialDelay: { seconds: 5 } },
    });
    // One after the other, as a rolling deployment starts them: Backstage's
    // own migrations (catalog, scheduler) fail a replica that starts at the
    // same moment as another on an empty database.
    const replicas: BackendProcess[] = [];
    for (const name of ['replica-a', 'replica-b']) replicas.push(await startBackendProcess({ name, workDir, config }));
    const apis = replicas.map(r => new Api(r));
    const token = await apis[0].signIn('guest');
    const db = database.pluginClient('platform-adoption');

    // Scans run from the start, on whatever the catalog holds by then; the
    // count is taken over the periods after the catalog has been ingested.
    await apis[0].waitForCatalog(token, COMPONENTS);
    const observeFrom = Date.now();
    await sleep((PERIODS * PERIOD_S + 5) * 1000);
    const observeUntil = Date.now();
    const scans = await db('scans').orderBy('id').select('id', 'status', 'started_at', 'finished_at', 'error');
    const observed = scans.filter(s => Date.parse(s.started_at) >= observeFrom);

    // Never two at a time: each scan ended before the next one started.
    const overlaps = scans.slice(1).filter((scan, i) => {
      const previous = scans[i];
      return !previous.finished_at || Date.parse(previous.finished_at) > Date.parse(scan.started_at);
    });
    // Once per period: a scan started less than a period after the one
    // before (with some slack for the scheduler's polling) was a duplicate.
    const duplicates = scans
      .slice(1)
      .filter((scan, i) => Date.parse(scan.started_at) - Date.parse(scans[i].started_at) < (PERIOD_S - 5) * 1000);
    // Each scan was started by one replica only, as their logs say.
    const startedBy = scans.map(scan =>
      replicas.filter(r => r.log().includes(`Platform adoption scan ${scan.id} started`)).map(r => r.name),
    );
    faults.add(scans.length, overlaps.length + duplicates.length + startedBy.filter(by => by.length !== 1).length);
    // eslint-disable-next-line no-console
    console.log(
      `replicas: ${scans.length} scans (${observed.length} in the ${Math.round((observeUntil - observeFrom) / 1000)} s observed), ` +
        `started by ${startedBy.map(by => by.join('+') || 'nobody').join(', ')}`,
    );

    // One scan per period elapsed, give or take the one at either edge.
    const expected = (observeUntil - observeFrom) / (PERIOD_S * 1000);
    expect(Math.abs(observed.length - expected)).toBeLessThanOrEqual(1);
    expect(overlaps).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(startedBy).toEqual(scans.map(() => [expect.stringMatching(/^replica-[ab]$/)]));
    expect(scans.filter(s => s.status === 'failed')).toEqual([]);

    // No deployment twice in any generation still stored (older ones are pruned).
    const completed = scans.filter(s => s.status === 'completed').map(s => Number(s.id));
    expect(completed.length).toBeGreaterThanOrEqual(PERIODS);
    const stored = await storedGenerations(db);
    const kept = completed.filter(g => stored.has(g));
    expect(kept.length).toBeGreaterThan(0);
    for (const generation of kept) {
      expect({ generation, duplicated: await duplicatedDeployments(db, generation) }).toEqual({
        generation,
        duplicated: [],
      });
    }

    // Both replicas serve the same results: compared between two scans,
    // when both name the same current generation before and after reading.
    const answers = await waitFor(
      'both replicas to answer for the same generation',
      async () => {
        const generations = async () =>
          Promise.all(apis.map(async api => (await api.read('/scans/current', token)).current?.id));
        const before = await generations();
        const bodies = await Promise.all(
          apis.map(async api => ({
            overview: await api.read('/overview', token),
            deployments: await api.read('/deployments?limit=50', token),
            findings: await api.read('/findings', token),
          })),
        );
        const after = await generations();
        return new Set([...before, ...after]).size === 1 && before[0] !== undefined ? bodies : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    expect(answers[0].deployments.items.length).toBeGreaterThan(0);
    expect(answers[1]).toEqual(answers[0]);
  }, 420_000);
});

/** The generations whose deployments are still in the database. */
async function storedGenerations(db: Knex): Promise<Set<number>> {
  // The copy-on-write layout keeps a registry; before it, each generation had its own rows.
  const rows = (await db.schema.hasTable('generations'))
    ? await db('generations').select('generation')
    : await db('deployments').distinct('generation');
  return new Set(rows.map(r => Number(r.generation)));
}

/**
 * Deployment ids stored more than once for a generation. Under the
 * copy-on-write layout a row belongs to every generation from `generation`
 * up to (not including) `until_generation`; before it, to its own only.
 */
async function duplicatedDeployments(db: Knex, generation: number): Promise<string[]> {
  const ranged = await db.schema.hasColumn('deployments', 'until_generation');
  const rows = await db('deployments')
    .modify(query =>
      ranged
        ? query.where('generation', '<=', generation).andWhere('until_generation', '>', generation)
        : query.where({ generation }),
    )
    .groupBy('id')
    .havingRaw('count(*) > 1')
    .select<Array<{ id: string }>>('id');
  return rows.map(r => r.id);
}
