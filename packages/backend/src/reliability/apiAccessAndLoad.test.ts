import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Answer, Api } from './__testUtils__/api';
import {
  BackendProcess,
  rssBytes,
  startBackendProcess,
  stopAllBackendProcesses,
  workDirectory,
} from './__testUtils__/backendProcess';
import { createTestDatabase, POSTGRES_URL, TestDatabase } from './__testUtils__/database';
import { Enterprise, OUTSIDE_DEPLOYMENT, REPOSITORY_BASE_URL, writeEnterprise } from './__testUtils__/enterprise';
import { reliabilityTally } from './__testUtils__/reliabilityReport';

// autocannon ships no types; bench/run.ts loads it the same way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon');

/**
 * The product backend as a process, with a real conditional catalog policy
 * (restricted entities visible to the CoE only) and the real catalog:
 *
 * - every documented route needs credentials, every manage route its
 *   permission, and no answer carries a stack trace or a file path;
 * - what the catalog hides from a user, the API hides too, everywhere;
 * - nothing outside the local repositories root is ever read;
 * - under load (50 connections for 60 s) while scans run, no request fails
 *   and memory does not keep growing.
 */
const COMPONENTS = 150;
const RESTRICTED = 6;
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SPEC = parse(
  fs.readFileSync(path.join(REPO_ROOT, 'plugins/platform-adoption-backend/openapi.yaml'), 'utf8'),
);
const ENTRY = path.join(__dirname, '__testUtils__/backendWithRestrictedEntities.ts');
const METHODS = ['get', 'post', 'put', 'delete', 'patch'];
const READ = 'platform-adoption.read';
const SOME_UUID = '0b7e6f52-2d0c-4c8e-9a51-7c3f1b2e4d60';

interface Operation {
  method: string;
  /** `/platforms/{platform}/summary` */
  path: string;
  permission?: string;
  public: boolean;
}

const operations: Operation[] = Object.entries<any>(SPEC.paths).flatMap(([p, item]) =>
  METHODS.filter(m => item[m]).map(m => ({
    method: m.toUpperCase(),
    path: p,
    permission: item[m]['x-permission'],
    public: Array.isArray(item[m].security) && item[m].security.length === 0,
  })),
);

/** Anything that tells an attacker about the code: stack frames, source files, install paths. */
const INTERNALS = new RegExp(
  [String.raw`\n\s+at `, String.raw`\bat [\w.<>]+ \(`, 'node_modules', String.raw`\.[cm]?[jt]s:\d+`, REPO_ROOT].join('|'),
);

describe('the API of a backend process with a conditional catalog policy', () => {
  const accessRequests = reliabilityTally('api-access', 'requests');
  const loadRequests = reliabilityTally('api-load-during-scans', 'requests');
  let workDir: string;
  let enterprise: Enterprise;
  let database: TestDatabase;
  let backend: BackendProcess;
  let api: Api;
  let coe: string;
  let reader: string;
  let firstScan: any;
  /** Every deployment, as the CoE lead (who sees all) gets them. */
  let all: any[];

  /**
   * Sends a request and checks its answer: one of the expected statuses (and
   * error message), and no internals. Counted as sent, and as failed unless
   * the check passes.
   */
  async function send(
    method: string,
    p: string,
    token: string | undefined,
    expected: { status: number | number[]; body?: unknown; message?: string },
  ): Promise<Answer> {
    const answer = await api.request(method, p, token, expected.body);
    const statuses = [expected.status].flat();
    accessRequests.tried();
    expect({
      request: `${method} ${p}`,
      status: answer.status,
      message: expected.message === undefined ? undefined : answer.body?.error?.message,
      internals: answer.text.match(INTERNALS)?.[0],
    }).toEqual({
      request: `${method} ${p}`,
      status: statuses.includes(answer.status) ? answer.status : statuses[0],
      message: expected.message,
      internals: undefined,
    });
    accessRequests.handled();
    return answer;
  }

  /** A concrete URL for a documented operation, with valid-looking values. */
  function urlOf(op: Operation) {
    const deploymentId = all[0].id;
    let url = op.path
      .replace('{platform}', 'mongodb')
      .replace('{version}', '1')
      .replace('{kind}/{namespace}/{name}', `component/default/${enterprise.components[0]}`)
      .replace('{id}', () => {
        if (op.path.startsWith('/deployments/')) return deploymentId;
        if (op.path.startsWith('/scans/')) return String(firstScan.id);
        return SOME_UUID;
      });
    if (op.path === '/references/{platform}/diff') url += '?from=1&to=2';
    if (op.path === '/conformance' || op.path === '/history') url += '?platform=mongodb';
    return url;
  }

  beforeAll(async () => {
    workDir = workDirectory('access');
    enterprise = writeEnterprise(workDir, { components: COMPONENTS, restricted: RESTRICTED });
    database = createTestDatabase(POSTGRES_URL ? 'postgres' : 'sqlite', workDir);
    backend = await startBackendProcess({
      name: 'restricted-entities',
      workDir,
      entry: ENTRY,
      config: enterprise.config({ database: database.config }),
    });
    api = new Api(backend);
    coe = await api.signIn('coe-lead');
    reader = await api.signIn('guest');
    await api.waitForCatalog(coe, COMPONENTS);
    firstScan = await api.scanAndWait(coe);
    all = await api.allDeployments(coe);
  }, 420_000);

  afterAll(async () => {
    await stopAllBackendProcesses();
    await database?.destroy();
    fs.rmSync(workDir, { recursive: true, force: true });
    accessRequests.write();
    loadRequests.write();
  }, 60_000);

  it('answers 401 without credentials on every documented route but the health probe', async () => {
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations) {
      await send(op.method, urlOf(op), undefined, {
        status: op.public ? 200 : 401,
        body: op.method === 'GET' ? undefined : {},
      });
    }
    // A token that is not one is no better than none.
    await send('GET', '/overview', 'not-a-token', { status: 401 });
  });

  it('answers 403 naming the permission when a reader calls a manage route, and lets them read', async () => {
    const derived = await send('POST', '/references/mongodb/derive', coe, { status: 200 });
    const inAMonth = new Date(Date.now() + 30 * 86400_000).toISOString();
    // Valid bodies: input is checked before the permission, and a 400 would prove nothing.
    const bodies: Record<string, unknown> = {
      'POST /scans': {},
      'PUT /references/{platform}/draft': derived.body.content,
      'POST /references/{platform}/preview': derived.body.content,
      'POST /exemptions': { deploymentId: all[0].id, facet: 'version', justification: 'rebuilt nightly, see ADR 12', expiresAt: inAMonth },
      'POST /campaigns': { platform: 'mongodb', title: 'Mongo 8', targetVersion: 1, scope: ['group:default/payments'], deadline: inAMonth },
    };
    const manage = operations.filter(op => op.permission && op.permission !== READ);
    expect(manage.map(op => op.permission).sort()).toEqual(
      expect.arrayContaining([
        'platform-adoption.campaign.manage',
        'platform-adoption.exemption.manage',
        'platform-adoption.reference.manage',
        'platform-adoption.scan.trigger',
      ]),
    );
    for (const op of operations.filter(o => o.permission)) {
      const key = `${op.method} ${op.path}`;
      const reads = op.permission === READ;
      // Reading is allowed (an id that names nothing is a 404, never a
      // denial); managing is a 403 that names the permission.
      await send(op.method, urlOf(op), reader, {
        body: op.method === 'GET' ? undefined : bodies[key] ?? {},
        status: reads ? [200, 404] : 403,
        message: reads ? undefined : `requires the ${op.permission} permission`,
      });
    }
  });

  it('answers bad requests with an error that names the input, without internals', async () => {
    const cases: Array<[string, string, number]> = [
      ['GET', '/deployments?limit=0', 400],
      ['GET', '/deployments?cursor=not-a-cursor', 400],
      ['GET', '/deployments?colour=blue', 400],
      ['GET', '/deployments/not-hex', 400],
      ['GET', '/deployments/abcdef0123', 404],
      ['GET', '/platforms/no-such-platform/summary', 404],
      ['GET', '/scans/abc/problems', 400],
      ['GET', '/campaigns/not-a-uuid', 400],
    ];
    for (const [method, p, status] of cases) {
      await send(method, p, reader, { status, message: expect.any(String) });
    }
    // Backstage's own answer to a route no plugin serves: a bare 404.
    await send('GET', '/no/such/route', reader, { status: 404 });
    const malformed = await fetch(`${backend.baseUrl}/api/platform-adoption/references/mongodb/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reader}`, 'content-type': 'application/json' },
      body: '{"facets": ',
    });
    const text = await malformed.text();
    accessRequests.add(1, INTERNALS.test(text) ? 1 : 0);
    expect(malformed.status).toBe(400);
    expect(text).toContain('not valid JSON');
    expect(text).not.toMatch(INTERNALS);
  });

  it('hides, everywhere, the deployments of entities the catalog hides from the user', async () => {
    const hidden = enterprise.restricted.map(name => `component:default/${name}`);
    const hiddenDeployments = all.filter(d => hidden.includes(d.entityRef));
    expect(hiddenDeployments.length).toBeGreaterThanOrEqual(RESTRICTED);

    // The policy is real and the catalog applies it.
    const [probe] = enterprise.restricted;
    await send('GET', `/api/catalog/entities/by-name/component/default/${probe}`, reader, { status: 404 });
    await send('GET', `/api/catalog/entities/by-name/component/default/${probe}`, coe, { status: 200 });

    // The lists: none of them for the reader, counts included.
    const seen = await api.allDeployments(reader);
    expect(seen.filter(d => hidden.includes(d.entityRef))).toEqual([]);
    expect(seen).toHaveLength(all.length - hiddenDeployments.length);
    const searched = await send('GET', `/deployments?search=${probe}`, reader, { status: 200 });
    expect(searched.body).toMatchObject({ items: [], totalCount: 0 });
    expect((await send('GET', `/deployments?search=${probe}`, coe, { status: 200 })).body.totalCount).toBeGreaterThan(0);

    // One of them, directly or by its entity.
    const target = hiddenDeployments[0];
    await send('GET', `/deployments/${target.id}`, reader, { status: 404 });
    await send('GET', `/deployments/${target.id}`, coe, { status: 200 });
    const byEntity = `/entities/component/default/${probe}/deployments`;
    expect((await send('GET', byEntity, reader, { status: 200 })).body).toEqual({ items: [], totalCount: 0 });
    expect((await send('GET', byEntity, coe, { status: 200 })).body.items.length).toBeGreaterThan(0);

    // Findings and a platform's shadow usage name them for the CoE lead only.
    const mentions = (answer: Answer) => hidden.filter(ref => answer.text.includes(ref.split('/')[1]));
    for (const p of ['/findings', '/findings?platform=mongodb', '/platforms/mongodb/summary']) {
      expect({ path: p, coe: mentions(await send('GET', p, coe, { status: 200 })).length > 0 }).toEqual({ path: p, coe: true });
    }
    // Nothing of them, by name or deployment id, in anything the reader reads.
    const ids = hiddenDeployments.map(d => d.id);
    for (const op of operations.filter(o => o.method === 'GET' && o.permission === READ)) {
      for (const p of new Set([urlOf(op), `${urlOf(op)}${urlOf(op).includes('?') ? '&' : '?'}platform=mongodb`])) {
        // 400: the route takes no platform filter.
        const answer = await send('GET', p, reader, { status: [200, 404, 400] });
        if (answer.status === 400) continue;
        expect({ path: p, names: mentions(answer), ids: ids.filter(id => answer.text.includes(id)) }).toEqual({
          path: p,
          names: [],
          ids: [],
        });
      }
    }
  });

  it('reads nothing outside the local repositories root', async () => {
    expect(all.filter(d => d.name.includes(OUTSIDE_DEPLOYMENT) || !d.repository?.startsWith(REPOSITORY_BASE_URL))).toEqual([]);
    const problems = (await send('GET', `/scans/${firstScan.id}/problems?limit=500`, coe, { status: 200 })).body.items;
    const refused = (source: string) => problems.find((p: any) => p.source.includes(source))?.message;
    // A repository folder that is a link out of the root, and `..` in the URL.
    expect(refused('linked-outside')).toMatch(/outside the local repositories folder/);
    expect(refused('%2e%2e')).toMatch(/not allowed|outside/);
    // Links out of the root inside a repository are skipped, and logged.
    expect(backend.log()).toMatch(/Skipped escape\.compose\.yml in \S+: it is a symlink outside the local repositories folder/);
    expect(backend.log()).not.toContain(OUTSIDE_DEPLOYMENT);
  });

  it('serves 50 connections for 60 s while scans run, without a failed request or growing memory', async () => {
    const pid = backend.pid;
    const rss: number[] = [];
    const sampler = setInterval(() => {
      const bytes = rssBytes(pid);
      if (bytes) rss.push(bytes);
    }, 1000);

    // Scans back to back for as long as the load lasts, each reading every
    // repository again (touched), so that requests meet a scan at work.
    let loading = true;
    const scans: any[] = [];
    const scanning = (async () => {
      let after = firstScan.id;
      while (loading) {
        const now = new Date();
        for (const name of enterprise.components) {
          fs.utimesSync(path.join(enterprise.repository(name), 'docker-compose.yml'), now, now);
        }
        const scan = await api.scanAndWait(coe, after, 120_000);
        scans.push(scan);
        after = scan.id;
      }
    })();

    const times: number[] = [];
    const result: any = await new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: backend.baseUrl,
          connections: 50,
          duration: 60,
          headers: { authorization: `Bearer ${reader}` },
          requests: [
            { method: 'GET', path: '/api/platform-adoption/overview' },
            { method: 'GET', path: '/api/platform-adoption/platforms/mongodb/summary' },
            { method: 'GET', path: '/api/platform-adoption/rollups?platform=mongodb' },
            { method: 'GET', path: '/api/platform-adoption/deployments?limit=50' },
          ],
        },
        (error: unknown, r: unknown) => (error ? reject(error) : resolve(r)),
      );
      instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
    });
    loading = false;
    await scanning;
    clearInterval(sampler);

    times.sort((a, b) => a - b);
    const percentile = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
    const failed = result.errors + result.timeouts + result.non2xx;
    loadRequests.add(result.requests.total, failed);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    const firstPeak = Math.max(...rss.slice(0, 15));
    const lastPeak = Math.max(...rss.slice(-15));
    // eslint-disable-next-line no-console
    console.log(
      [
        `load: ${result.requests.total} requests sent, ${failed} failed (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx), ${Math.round(result.requests.average)} req/s`,
        `latency: p50 ${percentile(50).toFixed(0)} ms, p95 ${percentile(95).toFixed(0)} ms, p99 ${percentile(99).toFixed(0)} ms`,
        `RSS: start ${mb(rss[0])} MiB, peak ${mb(Math.max(...rss))} MiB, end ${mb(rss[rss.length - 1])} MiB; peak of the first 15 s ${mb(firstPeak)} MiB, of the last 15 s ${mb(lastPeak)} MiB`,
        `scans during the load: ${scans.length} completed (${scans.map(s => `${s.stats.durationMs} ms`).join(', ')})`,
      ].join('\n'),
    );

    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    expect(result.requests.total).toBeGreaterThan(1000);
    expect(scans.length).toBeGreaterThanOrEqual(2);
    // The same requests and scans repeat from start to end. V8 still grows
    // its heap for the first half minute (here from ~610 to ~840 MiB, then
    // flat: measured for 3 minutes), so the first 15 s peak ~100 MB lower
    // than the last. 300 MB is three times that, and what a leak of 25 kB
    // per request (~12k requests) or 25 MB per scan (~12 scans) would add.
    expect(lastPeak - firstPeak).toBeLessThan(300 * 2 ** 20);
  }, 240_000);
});
