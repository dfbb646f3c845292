import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { builtinDetectors, loadHclParser } from '@platform-adoption/plugin-platform-adoption-node';
import fs from 'node:fs';
import path from 'node:path';
import { FleetAnalyzer } from '../analysis/FleetAnalyzer';
import { LocalRepositoryUrlReader } from '../repositories/localRepositoryReader';
import { createStores } from '../store/createStores';
import { testDatabaseIds } from '../__testUtils__/databases';
import { component, group, REPOSITORY_BASE_URL, repositories, writeFile } from '../__testUtils__/testBackend';
import { Scanner } from './Scanner';

const compose = (image: string) => `services:\n  db:\n    image: ${image}\n`;

const entities: Entity[] = [
  group('bank'),
  group('cards', 'bank'),
  component('ledger', 'group:default/bank'),
  component('cards-api', 'group:default/cards'),
  component('fraud', 'group:default/bank'),
];

/**
 * Copy-on-write generations seen from the scanner: what a scan reads,
 * writes and carries, and what the generations before it still show.
 */
describe('Scanner (copy-on-write generations)', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  async function setup(databaseId: Parameters<typeof databases.init>[0], keepGenerations = 2) {
    const knex = await databases.init(databaseId);
    await loadHclParser();
    const stores = await createStores({ getClient: async () => knex } as any);
    const root = repositories({
      'ledger/docker-compose.yml': compose('mongo:7.0'),
      'cards-api/docker-compose.yml': compose('postgres:16.4'),
      'fraud/package.json': JSON.stringify({ name: 'fraud', dependencies: { mongodb: '^6.8.0' } }, null, 2),
    });
    const state = {
      catalog: catalogServiceMock({ entities }),
      failWrites: false,
      /** While set, the catalog answers only once it resolves. */
      gate: undefined as Promise<void> | undefined,
      /** Set once a scan has asked for the catalog stream. */
      streaming: false,
    };
    const reader = UrlReaders.default({
      logger: mockServices.logger.mock(),
      config: mockServices.rootConfig({
        data: { platformAdoption: { localRepositories: [{ baseUrl: REPOSITORY_BASE_URL, root }] } },
      }),
      factories: [LocalRepositoryUrlReader.factory],
    });
    const write = stores.deployments.writeDeployments.bind(stores.deployments);
    stores.deployments.writeDeployments = async (...args) => {
      if (state.failWrites) throw new Error('SQLITE_IOERR: disk I/O error');
      return write(...args);
    };
    const platforms = () => builtinDetectors.map(d => d.platform);
    const catalog = {
      async *streamEntities(req: any, opts: any) {
        state.streaming = true;
        if (state.gate) await state.gate;
        yield* state.catalog.streamEntities(req, opts);
      },
      getEntitiesByRefs: (req: any, opts: any) => state.catalog.getEntitiesByRefs(req, opts),
    };
    const makeScanner = () => new Scanner({
      catalog: catalog as any,
      auth: mockServices.auth(),
      reader,
      scans: stores.scans,
      pushes: stores.pushes,
      deployments: stores.deployments,
      analyzer: new FleetAnalyzer({ store: stores.analysis, references: stores.references, platforms }),
      detectors: builtinDetectors,
      logger: mockServices.logger.mock(),
      options: { concurrency: 2, maxFileBytes: 1024 * 1024, keepGenerations, catalogPageSize: 1000 },
    });
    const scanner = makeScanner();
    const byRepository = async (generation: number) => {
      const all = await stores.deployments.readAll(generation);
      return (name: string) => all.filter(d => d.repository === `${REPOSITORY_BASE_URL}${name}/`);
    };
    return { knex, stores, root, scanner, makeScanner, state, byRepository };
  }

  it.each(databaseIds())(
    'reads only the changed repository, carries the others as they were and keeps the generation before intact (%p)',
    async databaseId => {
      const { knex, stores, root, scanner, byRepository } = await setup(databaseId);
      const first = await scanner.scan('manual');
      expect(first.stats).toMatchObject({ repositoriesRead: 3, deployments: 3 });
      const before = await byRepository(first.id);

      writeFile(root, 'ledger/docker-compose.yml', compose('mongo:7.0.14'));
      const second = await scanner.scan('manual');
      expect(second.stats).toMatchObject({ repositoriesRead: 1, repositoriesUnchanged: 2, deployments: 3 });
      const after = await byRepository(second.id);

      // Unchanged repositories: the same deployments, ids, facets and evidence, not written again.
      expect(after('cards-api')).toEqual(before('cards-api'));
      expect(after('fraud')).toEqual(before('fraud'));
      const carried = [...after('cards-api'), ...after('fraud')].map(d => d.id);
      const rows = await knex('deployments').whereIn('id', carried).select('generation');
      expect(rows.map(r => Number(r.generation))).toEqual([first.id, first.id]);

      // The changed one: same id, new version.
      expect(after('ledger')[0].id).toBe(before('ledger')[0].id);
      expect(after('ledger')[0].facets.version.value).toBe('7.0.14');

      // The generation before is still whole and queryable.
      expect((await byRepository(first.id))('ledger')[0].facets.version.value).toBe('7.0');
      const page = await stores.deployments.query(first.id, { platform: 'mongodb', limit: 10, offset: 0 });
      expect(page.totalCount).toBe(2);
      const byVersion = await stores.deployments.query(first.id, {
        facets: [{ facet: 'version', values: [JSON.stringify('7.0')] }],
        limit: 10,
        offset: 0,
      });
      expect(byVersion.items.map(d => d.id)).toEqual([before('ledger')[0].id]);
      const current = await stores.deployments.query(second.id, {
        facets: [{ facet: 'version', values: [JSON.stringify('7.0')] }],
        limit: 10,
        offset: 0,
      });
      expect(current.totalCount).toBe(0);
    },
    60_000,
  );

  it.each(databaseIds())(
    'resolves a repository again when its catalog context changes, without reading it (%p)',
    async databaseId => {
      const { stores, scanner, state, byRepository } = await setup(databaseId);
      const first = await scanner.scan('manual');
      state.catalog = catalogServiceMock({
        entities: entities.map(e =>
          e.metadata.name === 'fraud' ? component('fraud', 'group:default/cards') : e,
        ),
      });
      const second = await scanner.scan('manual');
      expect(second.stats).toMatchObject({ repositoriesRead: 0, repositoriesUnchanged: 3 });
      expect((await byRepository(second.id))('fraud')[0].teamRef).toBe('group:default/cards');
      expect((await byRepository(first.id))('fraud')[0].teamRef).toBe('group:default/bank');
      expect(await stores.deployments.readAll(second.id)).toHaveLength(3);

      // Gone from the catalog: its repository (read ahead while the catalog
      // streamed) no longer counts, and its deployment is not in the next generation.
      state.catalog = catalogServiceMock({ entities: entities.filter(e => e.metadata.name !== 'fraud') });
      const third = await scanner.scan('manual');
      expect(third.stats).toMatchObject({ repositories: 2, deployments: 2 });
      expect((await byRepository(third.id))('fraud')).toEqual([]);
      expect((await byRepository(second.id))('fraud')).toHaveLength(1);
      // Its stored read is forgotten once the scan completed; the others stay.
      expect([...(await stores.scans.loadRepositoryStates()).keys()].sort()).toEqual(
        [`${REPOSITORY_BASE_URL}cards-api/`, `${REPOSITORY_BASE_URL}ledger/`],
      );
    },
    60_000,
  );

  it.each(databaseIds())(
    'prunes old generations without losing the rows the kept ones share (%p)',
    async databaseId => {
      const { knex, stores, root, scanner, byRepository } = await setup(databaseId, 1);
      const first = await scanner.scan('manual');
      const sharedIds = (await stores.deployments.readAll(first.id)).filter(d => !d.repository?.endsWith('/ledger/')).map(d => d.id);
      writeFile(root, 'ledger/docker-compose.yml', compose('mongo:7.0.1'));
      const second = await scanner.scan('manual');
      writeFile(root, 'ledger/docker-compose.yml', compose('mongo:7.0.12'));
      const third = await scanner.scan('manual');

      // Two generations kept (the current and one before): the first is gone,
      // with the row only it used…
      expect(await stores.deployments.storedGenerations()).toEqual([second.id, third.id]);
      expect((await stores.deployments.readAll(first.id)).map(d => d.id).sort()).toEqual([...sharedIds].sort());
      // …but not the rows it wrote that the kept generations still show.
      for (const generation of [second.id, third.id]) {
        expect((await stores.deployments.readAll(generation)).map(d => d.id)).toEqual(expect.arrayContaining(sharedIds));
      }
      expect((await byRepository(second.id))('ledger')[0].facets.version.value).toBe('7.0.1');
      expect((await byRepository(third.id))('ledger')[0].facets.version.value).toBe('7.0.12');
      // Three deployments, one of them in two versions: four rows, each facet row with its deployment row.
      const [{ count }] = await knex('deployments').count({ count: '*' });
      expect(Number(count)).toBe(4);
      const orphans = await knex('facet_values as f')
        .leftJoin('deployments as d', join => join.on('d.id', 'f.deployment_id').andOn('d.generation', 'f.generation'))
        .whereNull('d.id')
        .count({ count: '*' });
      expect(Number(orphans[0].count)).toBe(0);
      // Findings and summaries of the kept generations are still there.
      expect(await stores.analysis.summaries(third.id)).not.toEqual([]);
    },
    60_000,
  );

  it.each(databaseIds())(
    'shares the analysis of the generation before when nothing changed, and keeps it while shared (%p)',
    async databaseId => {
      const { knex, stores, root, scanner } = await setup(databaseId, 0);
      const first = await scanner.scan('manual');
      const summaries = await stores.analysis.summaries(first.id);
      const findings = await stores.analysis.findings(first.id, {});
      const second = await scanner.scan('manual');
      expect(second.stats).toMatchObject({ repositoriesRead: 0, deployments: 3, findings: first.stats!.findings });
      // With no generation kept before the current one, the first is pruned;
      // the second still serves the analysis it shares with it.
      expect(await stores.deployments.storedGenerations()).toEqual([second.id]);
      expect(await stores.analysis.summaries(second.id)).toEqual(summaries);
      expect(await stores.analysis.findings(second.id, {})).toEqual(findings);
      expect(summaries.map(s => s.platform)).toEqual(expect.arrayContaining(['mongodb', 'postgresql']));
      expect(await stores.deployments.readAll(second.id)).toHaveLength(3);

      // Once a change is analysed afresh, nothing shares those rows: they go.
      writeFile(root, 'ledger/docker-compose.yml', compose('mongo:8.0'));
      const third = await scanner.scan('manual');
      const [{ count }] = await knex('analysis_documents').where({ generation: first.id }).count({ count: '*' });
      expect(Number(count)).toBe(0);
      expect(await stores.analysis.summaries(third.id)).not.toEqual(summaries);
    },
    60_000,
  );

  it.each(databaseIds())(
    'keeps a completed generation current when removing old generations fails afterwards (%p)',
    async databaseId => {
      const { stores, root, scanner, byRepository } = await setup(databaseId);
      await scanner.scan('manual');
      stores.deployments.deleteGenerations = async () => {
        throw new Error('SQLITE_BUSY: database is locked');
      };
      writeFile(root, 'ledger/docker-compose.yml', compose('mongo:7.0.9'));
      const second = await scanner.scan('manual');
      expect(second.status).toBe('completed');
      expect(await stores.scans.currentGeneration()).toBe(second.id);
      expect((await byRepository(second.id))('ledger')[0].facets.version.value).toBe('7.0.9');
    },
    60_000,
  );

  it.each(databaseIds())(
    'undoes a failed scan, rows it retired included, and repairs what a dead one left (%p)',
    async databaseId => {
      const { stores, root, scanner, state, byRepository } = await setup(databaseId);
      const first = await scanner.scan('manual');
      const expected = await stores.deployments.readAll(first.id);

      // Fails after retiring the old ledger row, while writing the new one.
      writeFile(root, 'ledger/docker-compose.yml', compose('mongo:7.0.2'));
      state.failWrites = true;
      await expect(scanner.scan('manual')).rejects.toThrow('SQLITE_IOERR');
      expect(await stores.scans.currentGeneration()).toBe(first.id);
      expect(await stores.deployments.readAll(first.id)).toEqual(expected);

      // A scan whose process died half-way: it retired every row and wrote one.
      const dead = await stores.scans.startScan('schedule');
      await stores.deployments.registerGeneration({ generation: dead, contentGeneration: dead });
      await stores.deployments.retire(
        dead,
        expected.map(d => ({ id: d.id, generation: first.id })),
      );
      state.failWrites = false;
      await stores.deployments.writeDeployments(dead, [{ ...expected[0], name: 'half-written' }]);
      await stores.scans.failAbandonedScans();
      expect(await stores.deployments.readAll(first.id)).toEqual(expected);

      const next = await scanner.scan('manual');
      expect(next.stats).toMatchObject({ deployments: 3 });
      const now = await stores.deployments.readAll(next.id);
      expect(now.map(d => d.name)).not.toContain('half-written');
      expect((await byRepository(next.id))('ledger')[0].facets.version.value).toBe('7.0.2');
      expect(now.filter(d => !d.repository?.endsWith('/ledger/'))).toEqual(
        expected.filter(d => !d.repository?.endsWith('/ledger/')),
      );
    },
    60_000,
  );

  it.each(databaseIds())(
    'marks an unreadable repository’s deployments stale, and fresh again once it reads (%p)',
    async databaseId => {
      const { root, scanner, byRepository } = await setup(databaseId);
      await scanner.scan('manual');
      const saved = fs.readFileSync(path.join(root, 'cards-api/docker-compose.yml'), 'utf8');
      fs.rmSync(path.join(root, 'cards-api'), { recursive: true });
      const failed = await scanner.scan('manual');
      expect(failed.stats).toMatchObject({ repositoriesFailed: 1, deployments: 3 });
      expect((await byRepository(failed.id))('cards-api')[0]).toMatchObject({ stale: true });
      // Failing the same way again carries the stale rows as they are.
      const again = await scanner.scan('manual');
      expect((await byRepository(again.id))('cards-api')).toEqual((await byRepository(failed.id))('cards-api'));

      writeFile(root, 'cards-api/docker-compose.yml', saved);
      const back = await scanner.scan('manual');
      expect(back.stats).toMatchObject({ repositoriesFailed: 0, deployments: 3 });
      expect((await byRepository(back.id))('cards-api')[0].stale).toBeUndefined();
    },
    60_000,
  );

  it.each(databaseIds())(
    'makes a scan overtaken by a newer one (after a time-out) give way without writing (%p)',
    async databaseId => {
      const { stores, root, scanner, state, byRepository } = await setup(databaseId);
      await scanner.scan('manual');
      writeFile(root, 'ledger/docker-compose.yml', compose('mongo:7.0.3'));
      let release = () => {};
      state.gate = new Promise(resolve => {
        release = resolve;
      });
      state.streaming = false;
      const stuck = scanner.scan('schedule');
      // Held at the gate once it streams the catalog (running alone is too early: it may not get there in time).
      while (!state.streaming) await new Promise(resolve => setTimeout(resolve, 10));
      state.gate = undefined;
      const newer = await scanner.scan('schedule');
      release();
      await expect(stuck).rejects.toThrow('a newer scan started');
      expect(await stores.scans.currentGeneration()).toBe(newer.id);
      const now = await stores.deployments.readAll(newer.id);
      expect(now).toHaveLength(3);
      expect((await byRepository(newer.id))('ledger')[0].facets.version.value).toBe('7.0.3');
    },
    60_000,
  );

  it.each(databaseIds())(
    'reads in a push scan only the pushed repositories and the entities behind them, then forgets the pushes (%p)',
    async databaseId => {
      const { stores, root, scanner, state, byRepository } = await setup(databaseId);
      const first = await scanner.scan('schedule');
      // Pushed: a new MongoDB version in ledger, and fraud handed to the cards team.
      writeFile(root, 'ledger/docker-compose.yml', compose('mongo:7.0.14'));
      state.catalog = catalogServiceMock({
        entities: entities.map(e => (e.metadata.name === 'fraud' ? component('fraud', 'group:default/cards') : e)),
      });
      // Changed without a push: left to the next full scan.
      writeFile(root, 'cards-api/docker-compose.yml', compose('postgres:17.2'));
      await stores.pushes.note([`${REPOSITORY_BASE_URL}ledger/docker-compose.yml`, `${REPOSITORY_BASE_URL}FRAUD`]);

      const pushed = await scanner.scan('push');
      expect(pushed).toMatchObject({ trigger: 'push', status: 'completed' });
      expect(pushed.stats).toMatchObject({ repositories: 3, repositoriesRead: 1, repositoriesUnchanged: 2, deployments: 3 });
      const after = await byRepository(pushed.id);
      expect(after('ledger')[0].facets.version.value).toBe('7.0.14');
      expect(after('fraud')[0].teamRef).toBe('group:default/cards');
      expect(after('cards-api')).toEqual((await byRepository(first.id))('cards-api'));
      expect(await stores.pushes.pending()).toEqual([]);

      // The next full scan reads what no push announced.
      const full = await scanner.scan('schedule');
      expect((await byRepository(full.id))('cards-api')[0].facets.version.value).toBe('17.2');
    },
    60_000,
  );

  it.each(databaseIds())(
    'resolves again in a push scan a repository that a pushed entity moved into, and retires the one it left (%p)',
    async databaseId => {
      const { stores, scanner, state, byRepository } = await setup(databaseId);
      await scanner.scan('schedule');
      // fraud, now of the cards team, moves into ledger's repository (and, sorting first, owns it).
      const moved = component('fraud', 'group:default/cards');
      moved.metadata.annotations = { 'backstage.io/source-location': `url:${REPOSITORY_BASE_URL}ledger/` };
      state.catalog = catalogServiceMock({ entities: entities.map(e => (e.metadata.name === 'fraud' ? moved : e)) });
      await stores.pushes.note([`${REPOSITORY_BASE_URL}fraud/`]);

      const pushed = await scanner.scan('push');
      expect(pushed.stats).toMatchObject({ repositories: 2, repositoriesRead: 0 });
      const after = await byRepository(pushed.id);
      expect(after('fraud')).toEqual([]);
      // Not carried as it was: its entities are not those it was resolved with.
      expect(after('ledger').map(d => [d.entityRef, d.teamRef])).toEqual([['component:default/fraud', 'group:default/cards']]);
    },
    60_000,
  );

  it.each(databaseIds())(
    'reads everything in a push scan when another replica completed the current generation (%p)',
    async databaseId => {
      const { stores, root, scanner, makeScanner, byRepository } = await setup(databaseId);
      await scanner.scan('schedule');
      writeFile(root, 'cards-api/docker-compose.yml', compose('postgres:17.2'));
      await stores.pushes.note([`${REPOSITORY_BASE_URL}ledger/`]);
      // Another replica's scanner: no picture of the catalog of the current generation.
      const pushed = await makeScanner().scan('push');
      expect(pushed.stats).toMatchObject({ repositoriesRead: 1, repositoriesUnchanged: 2 });
      expect((await byRepository(pushed.id))('cards-api')[0].facets.version.value).toBe('17.2');
      expect(await stores.pushes.pending()).toEqual([]);
    },
    60_000,
  );

  it.each(databaseIds())(
    'keeps a push noted while its scan ran for the next scan (%p)',
    async databaseId => {
      const { stores, scanner, state } = await setup(databaseId);
      await scanner.scan('schedule');
      await stores.pushes.note([`${REPOSITORY_BASE_URL}ledger/`]);
      const [taken] = await stores.pushes.pending();
      let release = () => {};
      state.gate = new Promise(resolve => {
        release = resolve;
      });
      state.streaming = false;
      const running = scanner.scan('schedule');
      // The scan has taken the pushes once it streams the catalog.
      while (!state.streaming) await new Promise(resolve => setTimeout(resolve, 10));
      await new Promise(resolve => setTimeout(resolve, 5));
      await stores.pushes.note([`${REPOSITORY_BASE_URL}ledger/`, `${REPOSITORY_BASE_URL}fraud/`]);
      state.gate = undefined;
      release();
      await running;
      const left = await stores.pushes.pending();
      expect(left.map(p => p.url).sort()).toEqual([`${REPOSITORY_BASE_URL}fraud/`, `${REPOSITORY_BASE_URL}ledger/`]);
      expect(left.find(p => p.url.endsWith('ledger/'))!.pushedAt > taken.pushedAt).toBe(true);
    },
    60_000,
  );

  it.each(databaseIds())(
    'makes a push scan give way to a full scan that starts while it runs (%p)',
    async databaseId => {
      const { stores, scanner, makeScanner, state } = await setup(databaseId);
      await scanner.scan('schedule');
      await stores.pushes.note([`${REPOSITORY_BASE_URL}ledger/`]);
      let release = () => {};
      state.gate = new Promise(resolve => {
        release = resolve;
      });
      // Without a picture of the catalog the push scan streams it, and waits at the gate.
      state.streaming = false;
      const push = makeScanner().scan('push');
      while (!state.streaming) await new Promise(resolve => setTimeout(resolve, 10));
      state.gate = undefined;
      const full = await scanner.scan('schedule');
      release();
      await expect(push).rejects.toThrow('another scan ran beside this push scan');
      expect(await stores.scans.currentGeneration()).toBe(full.id);
    },
    60_000,
  );

  function databaseIds() {
    return databases.eachSupportedId();
  }
});
