import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { BackendFeature, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogScmEventsService, catalogScmEventsServiceRef } from '@backstage/plugin-catalog-node/alpha';
import { Knex } from 'knex';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { platformAdoptionPlugin } from './plugin';
import { localRepositoryUrlReaderFactory } from './repositories/localRepositoryReader';
import { testDatabaseIds } from './__testUtils__/databases';
import { component, group, REPOSITORY_BASE_URL } from './__testUtils__/testBackend';

const BASE_URL = REPOSITORY_BASE_URL;

const entities: Entity[] = [
  group('payments'),
  group('ledger', 'payments'),
  component('ledger-api', 'group:default/ledger', { system: 'ledger' }),
  component('fraud-scorer', 'group:default/payments'),
];

function writeRepositories(root: string) {
  const ledger = path.join(root, 'ledger-api');
  fs.mkdirSync(ledger, { recursive: true });
  fs.mkdirSync(path.join(ledger, 'deploy'));
  fs.writeFileSync(
    path.join(ledger, 'deploy', 'postgres.yaml'),
    [
      'apiVersion: postgresql.cnpg.io/v1',
      'kind: Cluster',
      'metadata:',
      '  name: ledger-db',
      'spec:',
      '  instances: 3',
      '  imageName: ghcr.io/cloudnative-pg/postgresql:16.4',
      '  bootstrap:',
      '    initdb:',
      '      secret:',
      '        name: ledger-db-app',
      '',
    ].join('\n'),
  );
  // A local-development compose file with an inline password: found, never stored.
  fs.writeFileSync(
    path.join(ledger, 'docker-compose.yml'),
    [
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    environment:',
      '      POSTGRES_PASSWORD: example-Passw0rd!',
      '',
    ].join('\n'),
  );
  const fraud = path.join(root, 'fraud-scorer');
  fs.mkdirSync(fraud, { recursive: true });
  fs.writeFileSync(
    path.join(fraud, 'package.json'),
    JSON.stringify({ name: 'fraud-scorer', dependencies: { mongodb: '^6.8.0' } }, null, 2),
  );
}

async function waitForScan(server: any, auth: string) {
  for (let i = 0; i < 100; i++) {
    const res = await request(server)
      .get('/api/platform-adoption/scans/current')
      .set('Authorization', auth);
    if (res.body.current) return res.body.current;
    if (res.body.lastFailed) throw new Error(`scan failed: ${res.body.lastFailed.error}`);
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('scan did not complete');
}

/**
 * The plugin on `knex` over freshly written repositories; scheduled scans
 * wait a day unless `settings` (of `platformAdoption`) say otherwise.
 */
async function startBackend(knex: Knex, settings: Record<string, unknown> = {}, extraFeatures: BackendFeature[] = []) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-repos-'));
  writeRepositories(root);
  let scmEvents: CatalogScmEventsService | undefined;
  const { server } = await startTestBackend({
    features: [
      platformAdoptionPlugin,
      // Hands the test the SCM events service the plugin listens to (one per backend).
      createBackendModule({
        pluginId: 'platform-adoption',
        moduleId: 'test-scm-events',
        register(reg) {
          reg.registerInit({
            deps: { events: catalogScmEventsServiceRef },
            async init({ events }) {
              scmEvents = events;
            },
          });
        },
      }),
      ...extraFeatures,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities }),
      localRepositoryUrlReaderFactory,
      // Requests without a token are anonymous, as in a real backend.
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({
        data: {
          platformAdoption: {
            localRepositories: [{ baseUrl: BASE_URL, root }],
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
            ...settings,
          },
        },
      }),
    ],
  });
  return { server, root, scmEvents: scmEvents! };
}

describe('platform adoption backend', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it('answers the health probe without credentials', async () => {
    const { server } = await startTestBackend({ features: [platformAdoptionPlugin] });
    const response = await request(server).get('/api/platform-adoption/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it.each(databases.eachSupportedId())(
    'scans the catalog and its repositories and serves the deployments (%p)',
    async databaseId => {
      const { server } = await startBackend(await databases.init(databaseId));
      const auth = mockCredentials.user.header();

      const unauthenticated = await request(server).get('/api/platform-adoption/deployments');
      expect(unauthenticated.status).toBe(401);

      const trigger = await request(server)
        .post('/api/platform-adoption/scans')
        .set('Authorization', auth);
      expect(trigger.status).toBe(202);
      const scan = await waitForScan(server, auth);
      expect(scan.stats.repositoriesRead).toBe(2);
      // Asked for by a person, and recorded so (the overview says "A manual scan").
      expect(scan.trigger).toBe('manual');

      const postgres = await request(server)
        .get('/api/platform-adoption/deployments?platform=postgresql&sort=environment')
        .set('Authorization', auth);
      expect(postgres.status).toBe(200);
      expect(postgres.body.totalCount).toBe(2);
      const [local, db] = postgres.body.items;
      expect(local).toMatchObject({ environment: 'development', files: ['docker-compose.yml'] });
      expect(db).toMatchObject({
        entityRef: 'component:default/ledger-api',
        teamRef: 'group:default/ledger',
        systemRef: 'system:default/ledger',
        environment: 'production',
      });
      // No environment in the manifest: the entity's lifecycle says, and says so.
      expect(db.facets.environment.evidence).toEqual({
        kind: 'entity',
        entityRef: 'component:default/ledger-api',
        field: 'spec.lifecycle',
      });
      expect(db.facets.version).toMatchObject({
        value: '16.4',
        evidence: { kind: 'file', path: 'deploy/postgres.yaml' },
      });
      expect(JSON.stringify(postgres.body)).not.toContain('example-Passw0rd!');

      // The department sees its sub-team's deployment.
      const department = await request(server)
        .get('/api/platform-adoption/deployments?team=group:default/payments')
        .set('Authorization', auth);
      expect(department.body.items.map((d: any) => d.platform).sort()).toEqual([
        'mongodb',
        'postgresql',
        'postgresql',
      ]);

      // Filters the portal links to: a version line, client usages, shadow usage.
      const count = async (query: string) =>
        (await request(server).get(`/api/platform-adoption/deployments?${query}`).set('Authorization', auth)).body
          .totalCount;
      expect(await count('platform=postgresql&facet=version:16')).toBe(2);
      expect(await count('platform=postgresql&facet=version:15')).toBe(0);
      expect(await count('kind=client')).toBe(1);
      expect(await count('declared=false')).toBe(3);
      expect(await count('declared=true')).toBe(0);

      const entity = await request(server)
        .get('/api/platform-adoption/entities/component/default/fraud-scorer/deployments')
        .set('Authorization', auth);
      expect(entity.body.items).toHaveLength(1);
      expect(entity.body.items[0]).toMatchObject({ platform: 'mongodb', kind: 'client' });

      // Nothing changed: the second scan reads no repository content again.
      await request(server).post('/api/platform-adoption/scans').set('Authorization', auth);
      let second = scan;
      for (let i = 0; i < 100 && second.id === scan.id; i++) {
        await new Promise(r => setTimeout(r, 200));
        second = await waitForScan(server, auth);
      }
      expect(second.stats).toMatchObject({ repositoriesRead: 0, repositoriesUnchanged: 2 });
      const again = await request(server)
        .get('/api/platform-adoption/deployments?platform=postgresql&sort=environment')
        .set('Authorization', auth);
      expect(again.body.items[1].id).toBe(db.id);
    },
    60_000,
  );

  it.each(databases.eachSupportedId())(
    'reads a repository within seconds of a source control event naming it, and only that one (%p)',
    async databaseId => {
      const { server, root, scmEvents } = await startBackend(
        await databases.init(databaseId),
        {
          // A full scan at start, then push scans looked for every second.
          schedule: { frequency: { hours: 24 }, timeout: { minutes: 5 } },
          scan: { pushInterval: { seconds: 1 } },
        },
        // Backstage's scheduler, not the test one: both scans are its periodic tasks.
        [schedulerServiceFactory],
      );
      const auth = mockCredentials.user.header();
      const full = await waitForScan(server, auth);
      expect(full.trigger).toBe('schedule');

      const manifest = path.join(root, 'ledger-api', 'deploy', 'postgres.yaml');
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('postgresql:16.4', 'postgresql:17.2'));
      // As a Git host's module announces a webhook's push.
      await scmEvents.publish([{ type: 'location.updated', url: `${BASE_URL}ledger-api/deploy/postgres.yaml` }]);

      let pushed = full;
      for (let i = 0; i < 100 && pushed.id === full.id; i++) {
        await new Promise(r => setTimeout(r, 200));
        pushed = await waitForScan(server, auth);
      }
      expect(pushed).toMatchObject({ trigger: 'push', stats: { repositories: 2, repositoriesRead: 1, repositoriesUnchanged: 1 } });
      const versions = await request(server)
        .get('/api/platform-adoption/deployments?platform=postgresql&facet=version:17')
        .set('Authorization', auth);
      expect(versions.body.totalCount).toBe(1);
    },
    60_000,
  );
});
