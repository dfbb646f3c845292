import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { ReferenceArchitectureVersion } from '@platform-adoption/plugin-platform-adoption-common';
import { GoldenPathTemplateOptions } from './goldenPathTemplate';
import {
  createStandardsReader,
  GOLDEN_PATH_TASK_ID,
  GoldenPathTemplateProvider,
} from './GoldenPathTemplateProvider';
import { catalogModulePlatformAdoption } from './module';

const published = {
  publishedAt: '2026-11-20T10:00:00.000Z',
  publishedBy: 'user:default/tamsin.raman',
};

const mongodb: ReferenceArchitectureVersion = {
  platform: 'mongodb',
  version: 3,
  ...published,
  title: 'MongoDB on Atlas',
  rationale:
    'Derived from 22 MongoDB deployments. Most teams already share it.',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=7.0' } },
    replicas: { requirement: { equals: 3 } },
    backup: { requirement: { oneOf: ['snapshot', 'continuous'] } },
    tls: { requirement: { equals: true } },
    provisioning: { requirement: { equals: 'terraform' } },
    instanceSize: { requirement: { equals: 'M30' } },
  },
  variants: [
    {
      id: 'sharded',
      title: 'Sharded, for tick data',
      facets: { topology: { equals: 'sharded' } },
    },
  ],
  practices: [],
};

const postgresql: ReferenceArchitectureVersion = {
  platform: 'postgresql',
  version: 2,
  ...published,
  title: 'PostgreSQL, backed up',
  rationale: 'Continuous backup and TLS, wherever it runs.',
  ownerRef: 'group:default/coe',
  facets: {
    backup: { requirement: { equals: 'continuous' } },
    tls: { requirement: { equals: true } },
  },
  variants: [],
  practices: [],
};

const templates: GoldenPathTemplateOptions = {
  publishing: { type: 'local', baseUrl: 'https://git.fernhill.example/' },
  referenceUrl: (platform, version) =>
    `http://localhost:7007/api/platform-adoption/references/${platform}/versions/${version}`,
  platformPageUrl: platform =>
    `http://localhost:3000/platform-adoption/${platform}`,
};

function setUp(readStandards: jest.Mock) {
  const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
  const logger = mockServices.logger.mock();
  const provider = new GoldenPathTemplateProvider({
    readStandards,
    logger,
    templates,
  });
  return { provider, connection, logger };
}

function emitted(
  connection: { applyMutation: jest.Mock },
  call = -1,
): Entity[] {
  const calls = connection.applyMutation.mock.calls;
  const [mutation] = calls[call < 0 ? calls.length + call : call];
  expect(mutation.type).toBe('full');
  return mutation.entities.map((e: { entity: Entity }) => e.entity);
}

describe('GoldenPathTemplateProvider', () => {
  it('emits one valid Template per published standard', async () => {
    const { provider, connection } = setUp(
      jest.fn().mockResolvedValue([mongodb, postgresql]),
    );
    await provider.connect(connection);
    await provider.refresh();

    const entities = emitted(connection);
    expect(entities.map(e => e.metadata.name)).toEqual([
      'mongodb-golden-path',
      'postgresql-golden-path',
    ]);
    for (const entity of entities) {
      await expect(templateEntityV1beta3Validator.check(entity)).resolves.toBe(
        true,
      );
    }
    const [template] = entities;
    expect(template.metadata).toMatchObject({
      title: 'MongoDB golden path (reference v3)',
      tags: ['golden-path', 'platform-adoption', 'mongodb'],
      annotations: {
        'platform-adoption.io/reference': 'mongodb@3',
        'backstage.io/managed-by-location':
          'url:http://localhost:7007/api/platform-adoption/references/mongodb/versions/3',
        'backstage.io/managed-by-origin-location':
          'url:http://localhost:7007/api/platform-adoption/references/mongodb/versions/3',
      },
      links: [{ url: 'http://localhost:3000/platform-adoption/mongodb' }],
    });
    expect(template.metadata.description).toContain(
      'MongoDB on Atlas: Derived from 22 MongoDB deployments.',
    );

    const spec = template.spec as any;
    expect(spec.owner).toBe('group:default/coe');
    expect(spec.parameters[0].required).toEqual([
      'name',
      'owner',
      'system',
      'environment',
    ]);
    expect(spec.parameters[0].properties.owner['ui:field']).toBe('OwnerPicker');
    expect(
      spec.parameters[0].properties.system['ui:options'].catalogFilter,
    ).toEqual({ kind: ['System'] });
    expect(spec.parameters[0].properties.environment.enum).toEqual([
      'production',
      'staging',
      'development',
    ]);
    // Open choices: the variant and the region; the tier is fixed at M30, Atlas is the only form.
    expect(Object.keys(spec.parameters[1].properties)).toEqual([
      'variant',
      'region',
    ]);
    expect(spec.parameters[1].properties.variant).toMatchObject({
      enum: ['base', 'sharded'],
      enumNames: ['Base (no variant)', 'Sharded, for tick data'],
      default: 'base',
    });
    expect(spec.parameters[1].properties.region.default).toBe('eu-west-2');

    expect(spec.steps.map((s: any) => s.action)).toEqual([
      'platform-adoption:render',
      'platform-adoption:publish-local',
      'catalog:register',
    ]);
    expect(spec.steps[0].input).toMatchObject({
      platform: 'mongodb',
      referenceVersion: 3,
      reference: mongodb,
      name: '${{ parameters.name }}',
      variant: '${{ parameters.variant }}',
      form: 'atlas-terraform',
      region: '${{ parameters.region }}',
      repoUrl: 'https://git.fernhill.example/${{ parameters.name }}/',
    });
    expect(spec.steps[2].input).toEqual({
      catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}',
    });
    expect(spec.output.links[1]).toEqual({
      title: 'Open in catalog',
      icon: 'catalog',
      entityRef: '${{ steps.register.output.entityRef }}',
    });

    // Both PostgreSQL forms meet that reference: the form is a choice, and so is the size of RDS.
    const postgres = entities[1].spec as any;
    expect(postgres.parameters[1].properties.form).toMatchObject({
      enum: ['cloudnative-pg', 'rds-terraform'],
      default: 'cloudnative-pg',
    });
    expect(postgres.parameters[1].properties.size.default).toBeUndefined();
    expect(postgres.steps[0].input.form).toBe('${{ parameters.form }}');
  });

  it('follows publications and removes the template of a retired reference', async () => {
    const readStandards = jest.fn().mockResolvedValue([mongodb, postgresql]);
    const { provider, connection } = setUp(readStandards);
    await provider.connect(connection);
    await provider.refresh();

    readStandards.mockResolvedValue([{ ...mongodb, version: 4 }]);
    await provider.refresh();
    expect(
      emitted(connection).map(e => [e.metadata.name, e.metadata.title]),
    ).toEqual([['mongodb-golden-path', 'MongoDB golden path (reference v4)']]);

    readStandards.mockResolvedValue([]);
    await provider.refresh();
    expect(emitted(connection)).toEqual([]);
  });

  it('keeps the templates it emitted last when the backend cannot be read', async () => {
    const readStandards = jest.fn().mockResolvedValue([mongodb]);
    const { provider, connection, logger } = setUp(readStandards);
    await provider.connect(connection);
    await provider.refresh();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);

    readStandards.mockRejectedValue(
      new Error('connect ECONNREFUSED 127.0.0.1:7007'),
    );
    await provider.refresh();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('the golden-path templates stay as they were'),
    );

    // Unchanged standards are not written again either.
    readStandards.mockResolvedValue([mongodb]);
    await provider.refresh();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('leaves out, once, references it cannot render, and keeps the others', async () => {
    const unrenderable: ReferenceArchitectureVersion = {
      ...postgresql,
      facets: {
        ...postgresql.facets,
        provisioning: { requirement: { equals: 'operator' } },
        storageEncrypted: { requirement: { equals: true } },
      },
    };
    const cassandra = { ...postgresql, platform: 'cassandra' };
    const { provider, connection, logger } = setUp(
      jest.fn().mockResolvedValue([mongodb, unrenderable, cassandra]),
    );
    await provider.connect(connection);
    await provider.refresh();
    await provider.refresh();
    expect(emitted(connection).map(e => e.metadata.name)).toEqual([
      'mongodb-golden-path',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'No golden path for postgresql@2: no form can meet it',
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'No golden path for cassandra@2: there is no renderer for platform cassandra',
    );
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('publishes to GitHub with a RepoUrlPicker when there are no local repositories', async () => {
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const provider = new GoldenPathTemplateProvider({
      readStandards: jest.fn().mockResolvedValue([mongodb]),
      logger: mockServices.logger.mock(),
      templates: {
        ...templates,
        publishing: { type: 'github', allowedHosts: ['github.com'] },
      },
    });
    await provider.connect(connection);
    await provider.refresh();
    const [template] = emitted(connection);
    await expect(templateEntityV1beta3Validator.check(template)).resolves.toBe(
      true,
    );
    const spec = template.spec as any;
    expect(spec.parameters[0].required).toContain('repoUrl');
    expect(spec.parameters[0].properties.repoUrl['ui:field']).toBe(
      'RepoUrlPicker',
    );
    expect(spec.steps.map((s: any) => s.action)).toEqual([
      'platform-adoption:render',
      'publish:github',
      'catalog:register',
    ]);
    expect(spec.steps[2].input).toEqual({
      repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}',
      catalogInfoPath: '/catalog-info.yaml',
    });
  });

  it('does not embed a reference whose text the template engine would evaluate', async () => {
    const tricky = { ...mongodb, rationale: 'Use ${{ secrets.x }} nowhere.' };
    const { provider, connection } = setUp(
      jest.fn().mockResolvedValue([tricky]),
    );
    await provider.connect(connection);
    await provider.refresh();
    const input = (emitted(connection)[0].spec as any).steps[0].input;
    expect(input.reference).toBeUndefined();
    expect(input).toMatchObject({ platform: 'mongodb', referenceVersion: 3 });
  });
});

describe('createStandardsReader', () => {
  it('reads GET /references with the catalog service token', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValue(new Response(JSON.stringify({ items: [mongodb] })));
    const read = createStandardsReader({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch,
    });
    await expect(read()).resolves.toEqual([mongodb]);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://localhost:0/api/platform-adoption/references');
    expect(init.headers.Authorization).toMatch(/^Bearer mock-service-token/);
  });

  it('fails on an error status, so the provider keeps its templates', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValue(new Response('unavailable', { status: 503 }));
    const read = createStandardsReader({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch,
    });
    await expect(read()).rejects.toThrow('Request failed with 503');
  });
});

describe('catalogModulePlatformAdoption', () => {
  it('adds the provider to the catalog and polls on the configured schedule', async () => {
    const addEntityProvider = jest.fn();
    const scheduler = mockServices.scheduler.mock();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider }],
      ],
      features: [
        catalogModulePlatformAdoption,
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            platformAdoption: {
              goldenPaths: {
                schedule: {
                  frequency: { minutes: 2 },
                  timeout: { minutes: 1 },
                },
              },
              localRepositories: [
                { baseUrl: 'https://git.fernhill.example/', root: '.' },
              ],
            },
          },
        }),
      ],
    });
    expect(addEntityProvider).toHaveBeenCalledWith(
      expect.any(GoldenPathTemplateProvider),
    );
    const provider: GoldenPathTemplateProvider =
      addEntityProvider.mock.calls[0][0];
    await provider.connect({ applyMutation: jest.fn(), refresh: jest.fn() });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: GOLDEN_PATH_TASK_ID,
        frequency: { minutes: 2 },
        timeout: { minutes: 1 },
      }),
    );
  });
});
