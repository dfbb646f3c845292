import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  mongodbFleetReference,
  postgresqlDerivedReference,
} from '../testing/references';
import { createReferenceFetcher } from './fetchReference';
import { createRenderAction } from './render';

const validInput = {
  platform: 'mongodb',
  referenceVersion: 3,
  reference: mongodbFleetReference,
  name: 'orders-store',
  owner: 'group:default/customer-insights',
  system: 'system:default/customer-data',
  environment: 'production',
  variant: 'base',
  repoUrl: 'https://git.fernhill.example/orders-store/',
};

function contextFor(input: Record<string, unknown>) {
  const workspacePath = createMockDirectory().resolve('workspace');
  return createMockActionContext({
    input: input as any,
    workspacePath,
    templateInfo: { entityRef: 'template:default/mongodb-golden-path' },
  });
}

describe('platform-adoption:render', () => {
  it('writes the Terraform, catalog-info.yaml and a README, and says what it rendered', async () => {
    const ctx = contextFor(validInput);
    await createRenderAction().handler(ctx);

    const files = [
      'infra/atlas/main.tf',
      'infra/atlas/users.tf',
      'infra/atlas/backup.tf',
      'catalog-info.yaml',
      'README.md',
    ];
    for (const file of files)
      expect(existsSync(join(ctx.workspacePath, file))).toBe(true);
    expect(ctx.output).toHaveBeenCalledWith('form', 'atlas-terraform');
    expect(ctx.output).toHaveBeenCalledWith('reference', 'mongodb@3');
    expect(ctx.output).toHaveBeenCalledWith('componentName', 'orders-store');
    expect(ctx.output).toHaveBeenCalledWith(
      'resourceName',
      'orders-store-mongodb',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.arrayContaining(files),
    );

    const main = readFileSync(
      join(ctx.workspacePath, 'infra/atlas/main.tf'),
      'utf8',
    );
    expect(main).toContain('instance_size = "M30"');
    expect(main).toContain('mongo_db_major_version = "7.0"');
    const readme = readFileSync(join(ctx.workspacePath, 'README.md'), 'utf8');
    expect(readme).toContain('| Instance size | `M30` | M30 |');
    expect(readme).toContain('Restore drill every quarter');
  });

  it.each([
    [
      { name: 'Orders_Store' },
      'name: must be lower-case letters, digits and single hyphens',
    ],
    [{ name: 'a'.repeat(41) }, 'name: must be at most 40 characters'],
    [{ owner: undefined }, 'owner: Required'],
    [{ owner: 'group:default/' }, 'owner: must be an entity reference'],
    [{ environment: 'qa' }, 'environment: Invalid enum value'],
    [
      { referenceVersion: 0 },
      'referenceVersion: Number must be greater than 0',
    ],
    [{ repoUrl: 'not a url' }, 'repoUrl: Invalid url'],
    [
      {
        reference: {
          ...mongodbFleetReference,
          facets: { version: { requirement: { atLeast: 7 } } },
        },
      },
      'reference.facets.version.requirement',
    ],
  ])('refuses invalid input %p', async (change, message) => {
    const ctx = contextFor({ ...validInput, ...change });
    await expect(createRenderAction().handler(ctx)).rejects.toThrow(message);
  });

  it.each([
    [
      { referenceVersion: 4 },
      'the reference passed is mongodb@3, not mongodb@4',
    ],
    [
      {
        platform: 'cassandra',
        reference: { ...mongodbFleetReference, platform: 'cassandra' },
      },
      'no golden-path renderer for platform "cassandra"',
    ],
    [
      { variant: 'serverless' },
      'the reference has no approved variant "serverless"; its variants are base, sharded',
    ],
    [
      { form: 'helm' },
      'MongoDB has no form "helm"; its forms are atlas-terraform, community-operator, enterprise-operator',
    ],
    [
      { form: 'community-operator' },
      'MongoDB Community operator (Kubernetes) does not state instance size, which the reference requires as M30',
    ],
    [
      { size: 'M10' },
      'MongoDB Atlas (Terraform) cannot use instance size "M10": the reference requires M30',
    ],
  ])('explains what cannot be rendered %p', async (change, message) => {
    const ctx = contextFor({ ...validInput, ...change });
    await expect(createRenderAction().handler(ctx)).rejects.toThrow(message);
  });

  it('names the facet no form can state, for a reference nothing can satisfy', async () => {
    const ctx = contextFor({
      ...validInput,
      platform: 'postgresql',
      referenceVersion: postgresqlDerivedReference.version,
      reference: postgresqlDerivedReference,
    });
    await expect(createRenderAction().handler(ctx)).rejects.toThrow(
      /CloudNativePG operator \(Kubernetes\) does not state storage encrypted.*Amazon RDS for PostgreSQL \(Terraform\) cannot state provisioning as operator/,
    );
  });

  it('fetches the reference from the backend when the template does not embed it', async () => {
    const fetchReference = jest.fn().mockResolvedValue(mongodbFleetReference);
    const ctx = contextFor({ ...validInput, reference: undefined });
    await createRenderAction({ fetchReference }).handler(ctx);
    expect(fetchReference).toHaveBeenCalledWith('mongodb', 3);
    expect(ctx.output).toHaveBeenCalledWith('form', 'atlas-terraform');
  });

  it('refuses to render without a reference when there is no backend to ask', async () => {
    const ctx = contextFor({ ...validInput, reference: undefined });
    await expect(createRenderAction().handler(ctx)).rejects.toThrow(
      'no reference architecture in the input',
    );
  });
});

describe('createReferenceFetcher', () => {
  it('reads the version with the plugin service token', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValue(
        new Response(JSON.stringify(mongodbFleetReference), { status: 200 }),
      );
    const fetcher = createReferenceFetcher({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch,
    });
    await expect(fetcher('mongodb', 3)).resolves.toEqual(mongodbFleetReference);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      'http://localhost:0/api/platform-adoption/references/mongodb/versions/3',
    );
    expect(init.headers.Authorization).toMatch(/^Bearer mock-service-token/);
  });

  it('reports the backend error', async () => {
    const fetch = jest.fn().mockResolvedValue(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: 'mongodb has no published version 9',
          },
        }),
        {
          status: 404,
          headers: { 'content-type': 'application/json' },
        },
      ),
    );
    const fetcher = createReferenceFetcher({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      fetch,
    });
    await expect(fetcher('mongodb', 9)).rejects.toThrow(
      'mongodb has no published version 9',
    );
  });
});
