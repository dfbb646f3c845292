import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { platformAdoptionPlugin } from '../plugin';
import { localRepositoryUrlReaderFactory } from '../repositories/localRepositoryReader';

export const REPOSITORY_BASE_URL = 'https://git.example.test/';

/** A component whose source is the test repository folder of the same name. */
export function component(name: string, owner: string, extra: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/source-location': `url:${REPOSITORY_BASE_URL}${name}/` },
    },
    spec: { type: 'service', lifecycle: 'production', owner, ...extra },
  };
}

export function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: parent ? 'team' : 'organization', children: [], ...(parent ? { parent } : {}) },
  };
}

/** Writes `files` (path → content) into a fresh folder of repositories. */
export function repositories(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-repos-'));
  for (const [file, content] of Object.entries(files)) writeFile(root, file, content);
  return root;
}

export function writeFile(root: string, file: string, content: string) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

export interface TestBackendOptions {
  knex: Knex;
  entities: Entity[];
  root: string;
  /** Users who may manage (reference, exemption, campaign, scan); everyone else reads. */
  managers?: string[];
  /** Users the catalog shows nothing of these entities to. */
  hidden?: Record<string, string[]>;
  /** More `platformAdoption` configuration, over the defaults below. */
  config?: Record<string, unknown>;
  /** More features or service factories, e.g. a logger that keeps what it is told. */
  features?: NonNullable<Parameters<typeof startTestBackend>[0]['features']>;
}

/**
 * The plugin on a real database and a real local UrlReader, with the
 * catalog and the permission policy as test doubles: managers may manage,
 * everyone reads, and `hidden` entities are invisible to the listed users.
 */
export async function startPlatformAdoption(options: TestBackendOptions) {
  const managers = new Set(options.managers ?? []);
  let catalog = catalogOf(options.entities, options.hidden);
  // The plugin holds one catalog client; this one forwards to the current
  // test double, so a test can change the catalog between scans.
  const forwarding = new Proxy({} as typeof catalog, {
    get: (_target, property) => {
      const value = (catalog as any)[property];
      return typeof value === 'function' ? value.bind(catalog) : value;
    },
  });
  const userOf = (credentials: any) => credentials?.principal?.userEntityRef as string | undefined;
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(r => ({
        result:
          r.permission.name === 'platform-adoption.read' || managers.has(userOf(credentials) ?? '')
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(() =>
        options.hidden?.[userOf(credentials) ?? '']
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: { rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: [] } },
            }
          : { result: AuthorizeResult.ALLOW },
      ) as any,
  });

  const backend = await startTestBackend({
    features: [
      platformAdoptionPlugin,
      mockServices.database.factory({ knex: options.knex }),
      createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => forwarding }),
      permissions.factory,
      localRepositoryUrlReaderFactory,
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({
        data: {
          platformAdoption: {
            localRepositories: [{ baseUrl: REPOSITORY_BASE_URL, root: options.root }],
            schedule: { frequency: { hours: 24 }, timeout: { minutes: 5 }, initialDelay: { hours: 24 } },
            ...options.config,
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return Object.assign(backend, {
    /** Replaces what the catalog holds; the next scan reads the new entities. */
    setEntities(entities: Entity[]) {
      catalog = catalogOf(entities, options.hidden);
    },
  });
}

/** The catalog test double, hiding `hidden` entities from the listed users. */
function catalogOf(entities: Entity[], hiddenFrom: TestBackendOptions['hidden']) {
  const catalog = catalogServiceMock({ entities });
  const byRefs = catalog.getEntitiesByRefs.bind(catalog);
  catalog.getEntitiesByRefs = async (req, opts?) => {
    const result = await byRefs(req, opts);
    const credentials = (opts as { credentials?: { principal?: { userEntityRef?: string } } } | undefined)?.credentials;
    const user = credentials?.principal?.userEntityRef ?? '';
    const hidden = new Set(hiddenFrom?.[user] ?? []);
    return {
      items: result.items.map(e =>
        e && hidden.has(`${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLocaleLowerCase('en-US'))
          ? undefined
          : e,
      ),
    };
  };
  return catalog;
}

export const as = (user: string) => mockCredentials.user.header(user);

/** Triggers a scan and waits until a newer one than `after` is current. */
export async function scanAndWait(server: any, auth: string, after = 0) {
  const trigger = await request(server).post('/api/platform-adoption/scans').set('Authorization', auth);
  if (trigger.status !== 202) throw new Error(`scan trigger answered ${trigger.status}: ${JSON.stringify(trigger.body)}`);
  for (let i = 0; i < 150; i++) {
    const res = await request(server).get('/api/platform-adoption/scans/current').set('Authorization', auth);
    if (res.body.current && res.body.current.id > after) return res.body.current;
    if (res.body.lastFailed && res.body.lastFailed.id > after) {
      throw new Error(`scan failed: ${res.body.lastFailed.error}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('the scan did not complete within 30 s');
}
