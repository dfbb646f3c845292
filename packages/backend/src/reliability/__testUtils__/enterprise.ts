import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * A generated enterprise for the process-level tests: one catalog file
 * (an organization, two users, many components) and a folder of
 * repositories behind it, served by the local repository reader.
 *
 * Every component has a MongoDB compose file (most on 7.0, a few on 6.0,
 * the restricted ones on 4.4 with authentication off, so they stand out as
 * findings), every third one a Redis as well, and a few filler manifests so
 * that reading a repository costs what a real one does. A folder outside
 * the repositories root holds a compose file that must never be read: every
 * tenth repository links to it, one component's repository folder is a link
 * to it, and one component names it through an encoded `..`.
 */

export const REPOSITORY_BASE_URL = 'https://git.reliability.test/';
export const RESTRICTED_LABEL = 'reliability.test/restricted';
export const READER = 'user:default/reader';
export const COE_LEAD = 'user:default/coe-lead';
/** The name of the only deployment outside the repositories root. */
export const OUTSIDE_DEPLOYMENT = 'outside-root-mongo';

export interface EnterpriseOptions {
  components: number;
  /** How many components carry the restricted label (the last ones). */
  restricted?: number;
  /** Filler manifests per repository: the cost of a read. */
  fillerFiles?: number;
}

export interface Enterprise {
  catalogFile: string;
  root: string;
  components: string[];
  restricted: string[];
  /** An app-config for a backend on `database` serving this enterprise. */
  config(options: { database: Record<string, unknown>; schedule?: unknown }): Record<string, any>;
  /** The repository folder of a component. */
  repository(component: string): string;
}

const TEAMS = ['payments', 'cards', 'lending', 'savings', 'fraud', 'onboarding'];

function componentName(i: number) {
  return `svc-${String(i).padStart(3, '0')}`;
}

export function mongoCompose(service: string, version: string, auth = true) {
  return stringify({
    services: {
      [service]: {
        image: `mongo:${version}`,
        ...(auth ? { environment: { MONGO_INITDB_ROOT_USERNAME: 'app', MONGO_INITDB_ROOT_PASSWORD_FILE: '/run/secrets/mongo' } } : {}),
        ports: ['27017:27017'],
      },
    },
  });
}

function redisCompose(name: string) {
  return stringify({ services: { [`${name}-cache`]: { image: 'redis:7.2', command: 'redis-server --appendonly yes' } } });
}

function filler(name: string, i: number) {
  return stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${name}-settings-${i}`, labels: { app: name } },
    data: Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`setting_${k}`, `value ${k} of ${name}`])),
  });
}

export function writeEnterprise(dir: string, options: EnterpriseOptions): Enterprise {
  const root = path.join(dir, 'repositories');
  const outside = path.join(dir, 'outside');
  fs.mkdirSync(root, { recursive: true });
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'docker-compose.yml'), mongoCompose(OUTSIDE_DEPLOYMENT, '7.0'));

  const restrictedCount = options.restricted ?? 0;
  const components = Array.from({ length: options.components }, (_, i) => componentName(i));
  const restricted = components.slice(components.length - restrictedCount);
  const entities: object[] = [
    group('org', undefined, 'organization'),
    ...TEAMS.map(t => group(t, 'org')),
    group('coe', 'org'),
    user('reader', 'payments'),
    user('coe-lead', 'coe'),
  ];

  components.forEach((name, i) => {
    const isRestricted = restricted.includes(name);
    const repo = path.join(root, name);
    fs.mkdirSync(path.join(repo, 'k8s'), { recursive: true });
    let version = i % 7 === 3 ? '6.0' : '7.0';
    if (isRestricted) version = '4.4';
    fs.writeFileSync(path.join(repo, 'docker-compose.yml'), mongoCompose(`${name}-mongo`, version, !isRestricted));
    if (i % 3 === 0) fs.writeFileSync(path.join(repo, 'compose.cache.yaml'), redisCompose(name));
    for (let f = 0; f < (options.fillerFiles ?? 4); f++) {
      fs.writeFileSync(path.join(repo, 'k8s', `settings-${f}.yaml`), filler(name, f));
    }
    if (i % 10 === 5) {
      // A link out of the root: the reader skips it and says so in the log.
      fs.symlinkSync(path.join(outside, 'docker-compose.yml'), path.join(repo, 'escape.compose.yml'));
    }
    entities.push(component(name, TEAMS[i % TEAMS.length], `url:${REPOSITORY_BASE_URL}${name}/`, isRestricted));
  });

  // Two more ways out of the root, each its own component.
  fs.symlinkSync(outside, path.join(root, 'linked-outside'));
  entities.push(component('linked-outside', 'payments', `url:${REPOSITORY_BASE_URL}linked-outside/`, false));
  entities.push(component('encoded-parent', 'payments', `url:${REPOSITORY_BASE_URL}%2e%2e/outside/`, false));

  const catalogFile = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(catalogFile, entities.map(e => stringify(e)).join('---\n'));

  return {
    catalogFile,
    root,
    components,
    restricted,
    repository: name => path.join(root, name),
    config: ({ database, schedule }) => ({
      app: { baseUrl: 'http://localhost:3000' },
      organization: { name: 'Reliability Bank' },
      backend: { database },
      auth: {
        providers: {
          // The demo's two password-less personas, allowed outside development.
          guest: { userEntityRef: READER, dangerouslyAllowOutsideDevelopment: true },
          'coe-lead': { userEntityRef: COE_LEAD, dangerouslyAllowOutsideDevelopment: true },
        },
      },
      permission: { enabled: true },
      scaffolder: {},
      catalog: {
        rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
        locations: [{ type: 'file', target: catalogFile }],
      },
      platformAdoption: {
        // Unless a test says otherwise only POST /scans scans. Not "daily,
        // starting in a day": the scheduler ignores triggers during a task's
        // initial delay.
        schedule: schedule ?? { frequency: { trigger: 'manual' }, timeout: { minutes: 10 } },
        localRepositories: [{ baseUrl: REPOSITORY_BASE_URL, root }],
      },
    }),
  };
}

function group(name: string, parent?: string, type = 'team') {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type, children: [], ...(parent ? { parent } : {}) },
  };
}

function user(name: string, memberOf: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { memberOf: [memberOf] },
  };
}

function component(name: string, owner: string, sourceLocation: string, restricted: boolean) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'backstage.io/source-location': sourceLocation },
      ...(restricted ? { labels: { [RESTRICTED_LABEL]: 'true' } } : {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner: `group:default/${owner}` },
  };
}
