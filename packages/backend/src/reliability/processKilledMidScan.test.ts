import fs from 'node:fs';
import path from 'node:path';
import { Api } from './__testUtils__/api';
import {
  BackendProcess,
  startBackendProcess,
  stopAllBackendProcesses,
  waitFor,
  workDirectory,
} from './__testUtils__/backendProcess';
import { createTestDatabase, POSTGRES_URL, TestDatabase } from './__testUtils__/database';
import { Enterprise, mongoCompose, writeEnterprise } from './__testUtils__/enterprise';
import { reliabilityTally } from './__testUtils__/reliabilityReport';

/**
 * The product backend (src/index.ts) killed with SIGKILL in the middle of a
 * scan, then started again on the same database: the last good generation
 * is still the one served, the interrupted scan is reported as failed
 * instead of running forever, and the next scan completes with what changed.
 */
const COMPONENTS = 200;
const CHANGED = ['svc-001', 'svc-002', 'svc-004', 'svc-007', 'svc-008'];
const DELETED = 'svc-010';

describe('a backend process killed mid-scan', () => {
  const faults = reliabilityTally('process-killed-mid-scan', 'faults');
  let workDir: string;
  let enterprise: Enterprise;
  let database: TestDatabase;

  beforeAll(() => {
    workDir = workDirectory('kill');
    enterprise = writeEnterprise(workDir, { components: COMPONENTS, fillerFiles: 6 });
    database = createTestDatabase(POSTGRES_URL ? 'postgres' : 'sqlite', workDir);
  });

  afterAll(async () => {
    await stopAllBackendProcesses();
    await database?.destroy();
    fs.rmSync(workDir, { recursive: true, force: true });
    faults.write();
  }, 60_000);

  const start = (name: string) =>
    startBackendProcess({ name, workDir, config: enterprise.config({ database: database.config }) });

  it('keeps serving the last good scan, reports the interrupted one as failed, and scans again', async () => {
    let backend: BackendProcess = await start('before-kill');
    let api = new Api(backend);
    let coe = await api.signIn('coe-lead');
    await api.waitForCatalog(coe, COMPONENTS);
    const first = await api.scanAndWait(coe);
    const before = { overview: await api.read('/overview', coe), deployments: await api.allDeployments(coe) };
    expect(before.deployments.length).toBeGreaterThanOrEqual(COMPONENTS);

    // What the next scans should see: new MongoDB versions, a repository
    // gone, and every other repository touched so that the scan reads all
    // of them again and lasts long enough to be killed half-way.
    const now = new Date();
    for (const name of enterprise.components) {
      const compose = path.join(enterprise.repository(name), 'docker-compose.yml');
      if (CHANGED.includes(name)) fs.writeFileSync(compose, mongoCompose(`${name}-mongo`, '8.0'));
      else if (name !== DELETED) fs.utimesSync(compose, now, now);
    }
    fs.rmSync(enterprise.repository(DELETED), { recursive: true });

    // Killed mid-scan for sure: once the scan has started and read some
    // repositories (the reader logs each link out of the root it skips).
    const logBefore = backend.logSize();
    await api.triggerScan(coe);
    const started = await backend.waitForLog(/Platform adoption scan \d+ started/, logBefore, 60_000);
    const interrupted = Number(/scan (\d+) started/.exec(started)![1]);
    await backend.waitForLog(/Skipped escape\.compose\.yml/, logBefore, 60_000);
    await backend.kill('SIGKILL');
    faults.tried();

    backend = await start('after-kill');
    api = new Api(backend);
    coe = await api.signIn('coe-lead');

    // Before any new scan: the first generation, whole, is what is served.
    const status = await api.read('/scans/current', coe);
    expect(status.current.id).toBe(first.id);
    expect(await api.read('/overview', coe)).toEqual(before.overview);
    expect(await api.allDeployments(coe)).toEqual(before.deployments);

    // The interrupted scan did not finish, and is not left "running".
    const reported = await waitFor(
      `scan ${interrupted} to be reported as failed`,
      async () => {
        const scan = (await api.scans(coe)).find(s => s.id === interrupted);
        return scan?.status === 'running' ? undefined : scan;
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
    expect(reported).toMatchObject({ status: 'failed', error: expect.stringMatching(/process .*stopped/) });
    expect((await api.read('/scans/current', coe)).running).toBeNull();

    // "Scan now" works again, and the new scan sees every change.
    const third = await api.scanAndWait(coe, interrupted);
    expect((await api.read('/overview', coe)).generation).toBe(third.id);
    const after = await api.allDeployments(coe);
    expect(after).toHaveLength(before.deployments.length);
    const mongoOf = (name: string) =>
      after.find(d => d.platform === 'mongodb' && d.entityRef === `component:default/${name}`);
    for (const name of CHANGED) expect(mongoOf(name)?.facets.version.value).toBe('8.0');
    expect(mongoOf('svc-003')?.facets.version.value).toBe('6.0');

    // The repository that is gone keeps its deployments, labelled stale with the reason.
    const gone = after.filter(d => d.entityRef === `component:default/${DELETED}`);
    expect(gone.length).toBeGreaterThan(0);
    for (const d of gone) {
      expect(d).toMatchObject({ stale: true, staleReason: expect.stringContaining(`could not read repository`) });
      expect(d.staleReason).toContain(`/${DELETED}/`);
    }
    expect(after.filter(d => d.stale).map(d => d.entityRef)).toEqual(gone.map(d => d.entityRef));
    faults.handled();
  }, 420_000);
});
