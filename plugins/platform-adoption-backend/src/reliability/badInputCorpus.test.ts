import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { capturingLogger } from '../__testUtils__/capturingLogger';
import { testDatabaseIds } from '../__testUtils__/databases';
import { recordReliability } from '../__testUtils__/reliabilityReport';
import { as, component, group, repositories, scanAndWait, startPlatformAdoption } from '../__testUtils__/testBackend';
import { CorpusCase, loadCorpus, materialise, NamedIn } from './__testUtils__/corpus';

/**
 * Every bad input of the corpus (./bad-input-corpus, one folder each) goes
 * through a real scan beside a good repository scanned before it. Each must
 * leave the scan complete, be named where an operator looks (a scan
 * problem, the log, the start-up error, or the evidence of the facet it
 * spoiled), cost the good repository nothing, and leave the backend
 * answering; across the whole corpus the heap stays bounded.
 */
const COE = 'user:default/coe-lead';
const auth = as(COE);
const api = (p: string) => `/api/platform-adoption${p}`;
const corpus = loadCorpus();

/** The good repository: a MongoDB replica set and a CloudNativePG cluster, with facets to keep. */
const GOOD_FILES = {
  'ledger-service/docker-compose.yml': [
    'services:',
    '  mongo-1:',
    '    image: mongo:7.0.14',
    '    command: mongod --replSet rs0 --auth',
    '  mongo-2:',
    '    image: mongo:7.0.14',
    '    command: mongod --replSet rs0 --auth',
    '  backup:',
    '    image: mongo:7.0.14',
    '    command: mongodump --host mongo-1 --out /backup',
    '',
  ].join('\n'),
  'ledger-service/k8s/postgres.yaml': [
    'apiVersion: postgresql.cnpg.io/v1',
    'kind: Cluster',
    'metadata:',
    '  name: ledger-db',
    'spec:',
    '  instances: 3',
    '  imageName: ghcr.io/cloudnative-pg/postgresql:16.4',
    '',
  ].join('\n'),
};
const BASE_ENTITIES: Entity[] = [group('corpus'), component('ledger-service', 'group:default/corpus')];
/** What a symlink out of the repositories folder would expose if it were followed. */
const OUTSIDE_VERSION = '4.4.99';

/** Case name → whether it met every expectation on every database it ran on. */
const outcomes = new Map<string, boolean>();

afterAll(() => {
  const failed = [...outcomes.values()].filter(ok => !ok).length;
  recordReliability('bad-input-corpus', 'badInputs', { tried: outcomes.size, failed });
  const byCategory = new Map<string, number>();
  for (const c of corpus.filter(x => outcomes.has(x.name))) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
  // eslint-disable-next-line no-console
  console.log(
    `bad inputs: ${outcomes.size} corpus cases tried, ${failed} not handled (${[...byCategory]
      .map(([category, count]) => `${category} ${count}`)
      .join(', ')})`,
  );
});

describe.each(testDatabaseIds())('the bad-input corpus on %s', databaseId => {
  const databases = TestDatabases.create({ ids: [...new Set([databaseId, 'SQLITE_3' as const])] });
  const logger = capturingLogger();
  let backend: Awaited<ReturnType<typeof startPlatformAdoption>>;
  let root: string;
  let outside: string;
  let lastScan = 0;
  let goodDeployments: unknown[];
  let heapBefore = 0;

  const get = (p: string) => request(backend.server).get(api(p)).set('Authorization', auth);

  /** The good repository's deployments as an operator reads them: every facet with its evidence. */
  async function ledgerDeployments() {
    const list = await get('/deployments?entity=component:default/ledger-service&limit=500');
    const details = await Promise.all(list.body.items.map((d: any) => get(`/deployments/${d.id}`)));
    return details
      .map(({ body: d }) => d)
      .map((d: any) => ({ platform: d.platform, name: d.name, files: d.files, facets: d.facets }))
      .sort((a, b) => a.platform.localeCompare(b.platform));
  }

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    root = repositories(GOOD_FILES);
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-outside-'));
    fs.writeFileSync(path.join(outside, 'docker-compose.yml'), `services:\n  db:\n    image: mongo:${OUTSIDE_VERSION}\n`);
    backend = await startPlatformAdoption({
      knex,
      root,
      entities: BASE_ENTITIES,
      managers: [COE],
      features: [logger.factory, mockServices.scheduler.factory()],
    });
    lastScan = (await scanAndWait(backend.server, auth)).id;
    goodDeployments = await ledgerDeployments();
    if (goodDeployments.length !== 2) throw new Error(`the good repository yielded ${goodDeployments.length} deployments, not 2`);
    heapBefore = process.memoryUsage().heapUsed;
  }, 60_000);

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  /** Runs one case through a scan; resolves to the text each kind of naming is searched in. */
  async function scanWith(c: CorpusCase) {
    materialise(c, root, outside);
    backend.setEntities([...BASE_ENTITIES, ...(c.entities ?? [component(c.name, 'group:default/corpus')])]);
    const logFrom = logger.lines.length;
    const scan = await scanAndWait(backend.server, auth, lastScan);
    lastScan = scan.id;
    const problems = await get(`/scans/${scan.id}/problems?limit=500`);
    expect(problems.status).toBe(200);
    return {
      problems: problems.body.items.map((p: any) => `${p.file ?? p.source}: ${p.message}`) as string[],
      log: logger.lines.slice(logFrom),
    };
  }

  /** Starts a second backend on the case's configuration, which must refuse to start. */
  async function startWith(c: CorpusCase): Promise<string> {
    const knex = await databases.init('SQLITE_3');
    try {
      // A scheduler of its own: the test backends' default one is shared by
      // every backend of the file, and the refused plugin would take over the
      // scan task of the running one.
      const refused = await startPlatformAdoption({
        knex,
        root,
        entities: [],
        config: c.config,
        features: [mockServices.scheduler.factory()],
      });
      await refused.stop();
      return 'the backend started';
    } catch (error) {
      return String((error as Error).message);
    }
  }

  async function expectNamed(c: CorpusCase, names: NamedIn) {
    if (names.in === 'startup') {
      expect(await startWith(c)).toMatch(new RegExp(names.pattern));
      return;
    }
    const seen = await scanWith(c);
    if (names.in === 'problems') {
      expect(seen.problems).toContainEqual(expect.stringMatching(new RegExp(names.pattern)));
    } else if (names.in === 'log') {
      expect(seen.log).toContainEqual(expect.stringMatching(new RegExp(names.pattern)));
    } else {
      const deployments = (await get(`/deployments?entity=component:default/${c.name}&limit=500`)).body.items;
      const facets = deployments
        .filter((d: any) => d.platform === names.platform && (!names.deployment || d.name === names.deployment))
        .map((d: any) => d.facets[names.facet]);
      expect(facets).toContainEqual({
        value: names.value,
        evidence: expect.objectContaining({
          kind: 'file',
          path: names.path,
          line: names.line,
          ...(names.note ? { note: expect.stringContaining(names.note) } : {}),
        }),
      });
    }
  }

  /** What must hold after any bad input: nothing good lost, nothing outside read, the backend answering. */
  async function expectUnharmed(c: CorpusCase) {
    expect((await get('/health')).status).toBe(200);
    expect(await ledgerDeployments()).toEqual(goodDeployments);
    const all = (await get('/deployments?limit=500')).body.items;
    expect(all.filter((d: any) => d.facets?.version?.value === OUTSIDE_VERSION)).toEqual([]);
    if (c.also.finds) {
      const { platform, facets } = c.also.finds;
      const found = all.filter((d: any) => d.entityRef === `component:default/${c.name}` && d.platform === platform);
      expect(found.map((d: any) => Object.fromEntries(Object.keys(facets).map(id => [id, d.facets[id]?.value])))).toContainEqual(
        facets,
      );
    }
    if (c.also.rollupOf) {
      const started = Date.now();
      const rollup = await get(`/rollups?org=${c.also.rollupOf}`);
      expect({ status: rollup.status, fast: Date.now() - started < 5_000 }).toEqual({ status: 200, fast: true });
    }
  }

  it.each(corpus.map(c => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      expect.hasAssertions();
      let ok = false;
      try {
        await expectNamed(c, c.names);
        await expectUnharmed(c);
        ok = true;
      } finally {
        outcomes.set(c.name, (outcomes.get(c.name) ?? true) && ok);
        fs.rmSync(path.join(root, c.name), { recursive: true, force: true });
      }
    },
    30_000,
  );

  it('keeps the heap bounded across the whole corpus', () => {
    const growth = process.memoryUsage().heapUsed - heapBefore;
    // eslint-disable-next-line no-console
    console.log(`bad-input corpus on ${databaseId}: heap grew ${Math.round(growth / 1024 / 1024)} MB`);
    expect(growth).toBeLessThan(300 * 1024 * 1024);
  });
});
