import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { platformAdoptionPlugin } from './plugin';
import { localRepositoryUrlReaderFactory } from './repositories/localRepositoryReader';
import { testDatabaseIds } from './__testUtils__/databases';

const BASE_URL = 'https://git.example.test/';

/** A platform declared only in app-config: the company's search clusters. */
const OPENSEARCH = {
  id: 'opensearch',
  title: 'OpenSearch',
  vendor: 'OpenSearch Project',
  facets: [
    { id: 'version', title: 'Version', kind: 'version', weight: 0.7 },
    {
      id: 'environment',
      title: 'Environment',
      kind: 'nominal',
      weight: 0,
      context: 'strict',
    },
    { id: 'nodes', title: 'Nodes', kind: 'numeric', weight: 0.4 },
    {
      id: 'tls',
      title: 'TLS',
      kind: 'boolean',
      weight: 1,
      better: [false, true],
      unacceptable: [false],
    },
  ],
  entitySignals: { resourceTypes: ['opensearch'] },
  fileSignals: [
    {
      globs: ['**/*.yaml'],
      select: {
        apiVersion: 'opensearch.opster.io/v1',
        kind: 'OpenSearchCluster',
      },
      facets: {
        version: { path: 'spec.general.version' },
        nodes: { path: 'spec.nodePools.0.replicas' },
        tls: { path: 'spec.security.tls.http.generate', default: false },
      },
    },
  ],
};

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'search', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'catalog-search',
      namespace: 'default',
      annotations: {
        'backstage.io/source-location': `url:${BASE_URL}catalog-search/`,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/search',
    },
  },
];

function writeRepository(root: string) {
  const folder = path.join(root, 'catalog-search', 'deploy');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'opensearch.yaml'),
    [
      'apiVersion: opensearch.opster.io/v1',
      'kind: OpenSearchCluster',
      'metadata:',
      '  name: catalog-search',
      '  namespace: search-prod',
      'spec:',
      '  general:',
      '    version: 2.14.0',
      '  nodePools:',
      '    - component: nodes',
      '      replicas: 3',
      '',
    ].join('\n'),
  );
}

async function waitForScan(server: any, auth: string) {
  for (let i = 0; i < 100; i++) {
    const res = await request(server)
      .get('/api/platform-adoption/scans/current')
      .set('Authorization', auth);
    if (res.body.current) return res.body.current;
    if (res.body.lastFailed)
      throw new Error(`scan failed: ${res.body.lastFailed.error}`);
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('scan did not complete');
}

const schedule = {
  frequency: { hours: 24 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 24 },
};

describe('platforms declared in app-config', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'are scanned like built-in ones and served by the API (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-declared-'));
      writeRepository(root);
      const { server } = await startTestBackend({
        features: [
          platformAdoptionPlugin,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities }),
          localRepositoryUrlReaderFactory,
          mockServices.rootConfig.factory({
            data: {
              platformAdoption: {
                localRepositories: [{ baseUrl: BASE_URL, root }],
                schedule,
                platforms: [OPENSEARCH],
              },
            },
          }),
        ],
      });
      const auth = mockCredentials.user.header();
      const trigger = await request(server)
        .post('/api/platform-adoption/scans')
        .set('Authorization', auth);
      expect(trigger.status).toBe(202);
      await waitForScan(server, auth);

      const response = await request(server)
        .get('/api/platform-adoption/deployments?platform=opensearch')
        .set('Authorization', auth);
      expect(response.status).toBe(200);
      expect(response.body.totalCount).toBe(1);
      const [deployment] = response.body.items;
      expect(deployment).toMatchObject({
        platform: 'opensearch',
        kind: 'server',
        name: 'catalog-search',
        entityRef: 'component:default/catalog-search',
        teamRef: 'group:default/search',
        environment: 'production',
        files: ['deploy/opensearch.yaml'],
      });
      const values = Object.fromEntries(
        Object.entries(deployment.facets).map(([id, facet]: [string, any]) => [
          id,
          facet.value,
        ]),
      );
      expect(values).toEqual({
        version: '2.14.0',
        environment: 'production',
        nodes: 3,
        tls: false,
      });
      expect(deployment.facets.nodes.evidence).toEqual({
        kind: 'file',
        path: 'deploy/opensearch.yaml',
        line: 11,
        note: 'spec.nodePools.0.replicas',
      });
      expect(deployment.facets.tls.evidence.note).toBe(
        'declared default (spec.security.tls.http.generate not set)',
      );
    },
    60_000,
  );

  it('refuse to start when the declaration is malformed, naming the key at fault', async () => {
    const broken = {
      ...OPENSEARCH,
      facets: [
        ...OPENSEARCH.facets,
        { id: 'shards', title: 'Shards', kind: 'text', weight: 0.2 },
      ],
    };
    await expect(
      startTestBackend({
        features: [
          platformAdoptionPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: { platformAdoption: { schedule, platforms: [broken] } },
          }),
        ],
      }),
    ).rejects.toThrow(
      'platformAdoption.platforms[0].facets[4].kind must be one of nominal, ordinal, version, boolean, numeric (got "text")',
    );
  });
});
