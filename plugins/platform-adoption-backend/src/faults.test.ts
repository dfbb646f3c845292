import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { builtinDetectors, loadHclParser } from '@platform-adoption/plugin-platform-adoption-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { FleetAnalyzer } from './analysis/FleetAnalyzer';
import { Scanner } from './scan/Scanner';
import { createStores } from './store/createStores';
import { as, component, group, repositories, scanAndWait, startPlatformAdoption } from './__testUtils__/testBackend';

/**
 * Faults never cost good data: an unreadable repository keeps its last
 * deployments, marked stale with the reason; a scan that fails part-way
 * leaves the previous generation current and served.
 */
const COE = 'user:default/coe-lead';
const api = (p: string) => `/api/platform-adoption${p}`;
const compose = 'services:\n  db:\n    image: mongo:7.0\n';
const entities = [group('bank'), component('ledger-service', 'group:default/bank'), component('cards-service', 'group:default/bank')];

describe('faults', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('keeps an unreadable repository’s deployments, marked stale, and says why', async () => {
    const knex = await databases.init('SQLITE_3');
    const root = repositories({ 'ledger-service/docker-compose.yml': compose, 'cards-service/docker-compose.yml': compose });
    const { server } = await startPlatformAdoption({ knex, root, managers: [COE], entities });
    const first = await scanAndWait(server, as(COE));

    fs.rmSync(path.join(root, 'cards-service'), { recursive: true });
    const second = await scanAndWait(server, as(COE), first.id);
    expect(second.stats).toMatchObject({ repositoriesFailed: 1, deployments: 2 });

    const { body } = await request(server).get(api('/deployments?sort=entity')).set('Authorization', as(COE));
    const cards = body.items.find((d: any) => d.entityRef === 'component:default/cards-service');
    expect(cards).toMatchObject({ stale: true });
    expect(cards.staleReason).toMatch(/could not read repository https:\/\/git\.example\.test\/cards-service\//);
    const problems = await request(server).get(api(`/scans/${second.id}/problems`)).set('Authorization', as(COE));
    expect(problems.body.items[0].message).toContain('cards-service');
  }, 60_000);

  /** A scanner on real stores whose catalog, database or reader fails once `failing` is set. */
  async function faultyScanner(fault: 'catalog' | 'database' | 'reader') {
    const knex = await databases.init('SQLITE_3');
    await loadHclParser();
    const stores = await createStores({ getClient: async () => knex } as any);
    const root = repositories({ 'ledger-service/docker-compose.yml': compose });
    const catalog = catalogServiceMock({ entities });
    const state = { failing: false };
    const reader: UrlReaderService = {
      readUrl: async () => {
        throw new Error('not used');
      },
      search: async () => {
        throw new Error('not used');
      },
      readTree: async () => {
        if (state.failing && fault === 'reader') throw Object.assign(new Error('ETIMEDOUT'), { name: 'TimeoutError' });
        const files = fs.readdirSync(path.join(root, 'ledger-service'));
        return {
          etag: state.failing ? 'changed' : 'v1',
          files: async () => files.map(f => ({ path: f, content: async () => fs.readFileSync(path.join(root, 'ledger-service', f)) })),
          archive: async () => {
            throw new Error('not used');
          },
          dir: async () => {
            throw new Error('not used');
          },
        } as any;
      },
    };
    const stream = catalog.streamEntities.bind(catalog);
    catalog.streamEntities = (req, opts) => {
      if (state.failing && fault === 'catalog') throw new Error('ECONNREFUSED catalog');
      return stream(req, opts);
    };
    const write = stores.deployments.writeDeployments.bind(stores.deployments);
    stores.deployments.writeDeployments = async (generation, deployments) => {
      if (state.failing && fault === 'database') {
        await write(generation, deployments.slice(0, 1));
        throw new Error('SQLITE_IOERR: disk I/O error');
      }
      return write(generation, deployments);
    };
    const scanner = new Scanner({
      catalog,
      auth: mockServices.auth(),
      reader,
      scans: stores.scans,
      deployments: stores.deployments,
      analyzer: new FleetAnalyzer({ store: stores.analysis, references: stores.references, platforms: () => builtinDetectors.map(d => d.platform) }),
      detectors: builtinDetectors,
      logger: mockServices.logger.mock(),
      options: { concurrency: 2, maxFileBytes: 1024 * 1024, keepGenerations: 2, catalogPageSize: 1000 },
    });

    return { scanner, stores, state };
  }

  it.each([
    ['the catalog is unreachable', 'catalog'],
    ['the database fails while writing the new generation', 'database'],
  ] as const)('leaves the previous generation current when %s', async (_what, fault) => {
    const { scanner, stores, state } = await faultyScanner(fault);
    const good = await scanner.scan('schedule');
    state.failing = true;
    await expect(scanner.scan('schedule')).rejects.toThrow();
    expect(await stores.scans.currentGeneration()).toBe(good.id);
    expect(await stores.deployments.readAll(good.id)).toHaveLength(2);
    expect((await stores.deployments.storedGenerations()).sort()).toEqual([good.id]);
    const [failed] = await stores.scans.listScans(1);
    expect(failed).toMatchObject({ status: 'failed' });
  }, 60_000);

  it('treats repository reads that time out as those repositories’ problem, not the scan’s', async () => {
    const { scanner, stores, state } = await faultyScanner('reader');
    await scanner.scan('schedule');
    state.failing = true;
    const run = await scanner.scan('schedule');
    expect(run.stats).toMatchObject({ repositoriesFailed: 2, deployments: 2 });
    const kept = await stores.deployments.readAll(run.id);
    expect(kept.map(d => d.stale)).toEqual([true, true]);
    expect(kept[0].staleReason).toContain('ETIMEDOUT');
  }, 60_000);
});
