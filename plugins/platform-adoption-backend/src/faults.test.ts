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
import { recordReliability } from './__testUtils__/reliabilityReport';

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
  // Faults injected, and how many the product survived (a test that fails
  // half-way leaves its fault unsurvived), for the summary scripts/test.sh prints.
  const faults = { injected: 0, survived: 0 };
  afterAll(() =>
    recordReliability('faults', 'faults', { tried: faults.injected, failed: faults.injected - faults.survived }),
  );

  it('keeps an unreadable repository’s deployments, marked stale, and says why', async () => {
    const knex = await databases.init('SQLITE_3');
    const root = repositories({ 'ledger-service/docker-compose.yml': compose, 'cards-service/docker-compose.yml': compose });
    const { server } = await startPlatformAdoption({ knex, root, managers: [COE], entities });
    const first = await scanAndWait(server, as(COE));

    fs.rmSync(path.join(root, 'cards-service'), { recursive: true });
    faults.injected++;
    const second = await scanAndWait(server, as(COE), first.id);
    expect(second.stats).toMatchObject({ repositoriesFailed: 1, deployments: 2 });

    const { body } = await request(server).get(api('/deployments?sort=entity')).set('Authorization', as(COE));
    const cards = body.items.find((d: any) => d.entityRef === 'component:default/cards-service');
    expect(cards).toMatchObject({ stale: true });
    expect(cards.staleReason).toMatch(/could not read repository https:\/\/git\.example\.test\/cards-service\//);
    const problems = await request(server).get(api(`/scans/${second.id}/problems`)).set('Authorization', as(COE));
    expect(problems.body.items[0].message).toContain('cards-service');
    faults.survived++;
  }, 60_000);

  /** A scanner on real stores whose catalog, database or reader fails once `failing` is set. */
  async function faultyScanner(fault: 'catalog' | 'database' | 'reader' | 'rate-limit' | 'partial-tree') {
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
        if (state.failing && fault === 'rate-limit') {
          // What Backstage's GitHub reader throws when the API says 429.
          throw new Error(
            'Request failed for https://api.github.com/repos/bank/ledger-service/tarball/main, 429 Too Many Requests (rate limit exceeded)',
          );
        }
        const files = fs.readdirSync(path.join(root, 'ledger-service'));
        const read = (f: string) => async () => fs.readFileSync(path.join(root, 'ledger-service', f));
        // A tree whose transfer breaks off after the first file: the
        // listing came, a file's content never does.
        const broken = async () => {
          throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
        };
        const partial = state.failing && fault === 'partial-tree';
        return {
          etag: state.failing ? 'changed' : 'v1',
          files: async () => [
            ...files.map(f => ({ path: f, content: read(f) })),
            ...(partial ? [{ path: 'k8s/mongodb.yaml', content: broken }] : []),
          ],
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
      pushes: stores.pushes,
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
    faults.injected++;
    await expect(scanner.scan('schedule')).rejects.toThrow();
    expect(await stores.scans.currentGeneration()).toBe(good.id);
    expect(await stores.deployments.readAll(good.id)).toHaveLength(2);
    expect((await stores.deployments.storedGenerations()).sort()).toEqual([good.id]);
    const [failed] = await stores.scans.listScans(1);
    expect(failed).toMatchObject({ status: 'failed' });
    faults.survived++;
  }, 60_000);

  it.each([
    ['time out', 'reader', 'ETIMEDOUT'],
    ['are refused for the rate limit (429)', 'rate-limit', '429 Too Many Requests (rate limit exceeded)'],
    ['break off part-way through the tree', 'partial-tree', 'ECONNRESET'],
  ] as const)(
    'treats repository reads that %s as those repositories’ problem, keeping their deployments whole and stale',
    async (_what, fault, reason) => {
      const { scanner, stores, state } = await faultyScanner(fault);
      await scanner.scan('schedule');
      state.failing = true;
      faults.injected++;
      const run = await scanner.scan('schedule');
      expect(run).toMatchObject({ status: 'completed' });
      expect(await stores.scans.currentGeneration()).toBe(run.id);
      // Not a smaller repository: what the last good read found, labelled.
      expect(run.stats).toMatchObject({ repositoriesFailed: 2, deployments: 2 });
      const kept = await stores.deployments.readAll(run.id);
      expect(kept.map(d => d.stale)).toEqual([true, true]);
      expect(kept[0].staleReason).toContain(reason);
      faults.survived++;
    },
    60_000,
  );
});
