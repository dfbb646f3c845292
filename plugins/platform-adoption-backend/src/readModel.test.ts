import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { as, scanAndWait, startPlatformAdoption, writeFile } from './__testUtils__/testBackend';
import { bankAccess, bankEntities, bankRepositories, cnpgCluster, COE, OUTSIDER, READER } from './__testUtils__/bankFleet';
import { testDatabaseIds } from './__testUtils__/databases';

const api = (path: string) => `/api/platform-adoption${path}`;

describe('cached answers (the read model)', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'show every write at once, on every replica of one database: publications, exemptions (and their expiry), new scans (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const root = bankRepositories();
      const options = { knex, entities: bankEntities, root, ...bankAccess };
      // Two replicas of the plugin on one database, each with its own caches.
      const first = await startPlatformAdoption(options);
      const second = await startPlatformAdoption(options);
      const get = (replica: { server: any }, path: string, user = READER) =>
        request(replica.server).get(api(path)).set('Authorization', as(user));
      const overviewOf = async (replica: { server: any }) =>
        (await get(replica, '/overview')).body.platforms.find((p: any) => p.id === 'postgresql');
      const bankOf = async (replica: { server: any }) =>
        (await get(replica, '/rollups?platform=postgresql&org=group:default/bank')).body.items.find(
          (r: any) => r.orgRef === 'group:default/bank',
        );

      const generation = (await scanAndWait(first.server, as(COE))).id;

      // Both replicas cache their answers before any standard exists.
      for (const replica of [first, second]) {
        for (let i = 0; i < 2; i++) {
          expect(await overviewOf(replica)).toMatchObject({ referenceVersion: null, rollup: { conformance: null } });
          expect((await bankOf(replica)).conformance).toBeNull();
        }
      }
      const cached = await get(first, '/overview');
      expect(cached.headers.etag).toBeTruthy();
      const again = await get(first, '/overview').set('If-None-Match', cached.headers.etag);
      expect(again.status).toBe(304);
      // Browsers accept gzip: a cached answer goes out compressed, the same JSON as uncompressed.
      const plain = await get(first, '/rollups?platform=postgresql').set('Accept-Encoding', 'identity');
      const zipped = await get(first, '/rollups?platform=postgresql').set('Accept-Encoding', 'gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.body.items.length).toBeGreaterThan(0);
      expect(zipped.body).toEqual(plain.body);

      // The first replica publishes: the very next answers of both show it.
      const derived = await request(first.server).post(api('/references/postgresql/derive')).set('Authorization', as(COE));
      await request(first.server).put(api('/references/postgresql/draft')).set('Authorization', as(COE)).send(derived.body.content);
      const published = await request(first.server).post(api('/references/postgresql/publish')).set('Authorization', as(COE));
      expect(published.status).toBe(201);
      for (const replica of [first, second]) {
        expect(await overviewOf(replica)).toMatchObject({
          referenceVersion: 1,
          rollup: { conformance: { conforming: 5, production: 6 } },
        });
        expect((await bankOf(replica)).conformance).toEqual({ conforming: 5, production: 6 });
      }
      expect((await get(second, '/overview')).headers.etag).not.toBe(cached.headers.etag);

      // The second replica grants exemptions that expire soon: the first
      // counts them at once, and stops counting them when they expire.
      const conformance = await get(second, '/conformance?platform=postgresql&team=group:default/cards');
      const cardsDeployment = conformance.body.items[0].deployment.id;
      const expiresAt = new Date(Date.now() + 3000).toISOString();
      for (const { facet } of conformance.body.items[0].conformance.differences) {
        const exempt = await request(second.server)
          .post(api('/exemptions'))
          .set('Authorization', as(COE))
          .send({ deploymentId: cardsDeployment, facet, justification: 'rebuilt nightly from the ledger', expiresAt });
        expect(exempt.status).toBe(201);
      }
      expect((await bankOf(first)).conformance).toEqual({ conforming: 6, production: 6 });
      expect(await overviewOf(first)).toMatchObject({ rollup: { conformance: { conforming: 6, production: 6 } } });
      await new Promise(r => setTimeout(r, Date.parse(expiresAt) - Date.now() + 200));
      expect((await bankOf(first)).conformance).toEqual({ conforming: 5, production: 6 });
      expect(await overviewOf(first)).toMatchObject({ rollup: { conformance: { conforming: 5, production: 6 } } });

      // A page cached for a reader who sees everything is never served to
      // one the catalog hides an entity from.
      const all = await get(second, '/deployments?platform=postgresql');
      expect(all.body.totalCount).toBe(6);
      const narrowed = await get(second, '/deployments?platform=postgresql', OUTSIDER);
      expect(narrowed.body.totalCount).toBe(5);
      expect(narrowed.body.items.map((d: any) => d.entityRef)).not.toContain('component:default/cards-service');
      expect((await get(second, '/entities/component/default/cards-service/deployments')).body.items).toHaveLength(1);
      expect((await get(second, '/entities/component/default/cards-service/deployments', OUTSIDER)).body.items).toEqual([]);

      // Cards adds a backup and the first replica scans: the second's
      // cached rollups, overview and pages follow the new generation.
      writeFile(root, 'cards-service/deploy/postgres.yaml', cnpgCluster('cards-db'));
      const next = (await scanAndWait(first.server, as(COE), generation)).id;
      expect(next).toBeGreaterThan(generation);
      expect((await bankOf(second)).conformance).toEqual({ conforming: 6, production: 6 });
      expect(await overviewOf(second)).toMatchObject({ rollup: { conformance: { conforming: 6, production: 6 } } });
      expect((await get(second, '/overview')).body.generation).toBe(next);
      expect((await get(second, '/deployments?platform=postgresql')).body.generation).toBe(next);
    },
    120_000,
  );
});
