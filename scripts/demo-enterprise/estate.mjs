// Joins the platform estates onto the component portfolio: per repository,
// the files to write, the drivers in its manifest, the Resources its
// component declares, and the deployments a scanner must find. Every
// cross-reference is checked here, so a typo fails the run instead of
// silently producing a demo that contradicts planted.json.
import { driverPackage } from './manifests.mjs';
import {
  MONGODB_DECLARED_ONLY,
  MONGODB_REPOSITORIES,
  MONGODB_SHADOW_DRIVERS,
} from './platforms/mongodb.mjs';
import {
  POSTGRESQL_DECLARED_ONLY,
  POSTGRESQL_REPOSITORIES,
  POSTGRESQL_SHADOW_DRIVERS,
} from './platforms/postgresql.mjs';
import {
  KAFKA_DECLARED_ONLY,
  KAFKA_REPOSITORIES,
  KAFKA_SHADOW_DRIVERS,
} from './platforms/kafka.mjs';
import {
  REDIS_DECLARED_ONLY,
  REDIS_REPOSITORIES,
  REDIS_SHADOW_DRIVERS,
  REDIS_SHARED_CLIENTS,
} from './platforms/redis.mjs';
import {
  VAULT_DECLARED_ONLY,
  VAULT_REPOSITORIES,
  VAULT_SHADOW_DRIVERS,
} from './platforms/vault.mjs';
import {
  OPENSEARCH_DECLARED_ONLY,
  OPENSEARCH_REPOSITORIES,
  OPENSEARCH_SHADOW_DRIVERS,
} from './platforms/opensearch.mjs';
import { SHARED_RESOURCES } from './portfolio.mjs';

const PLATFORMS = [
  [
    'mongodb',
    MONGODB_REPOSITORIES,
    MONGODB_SHADOW_DRIVERS,
    MONGODB_DECLARED_ONLY,
  ],
  [
    'postgresql',
    POSTGRESQL_REPOSITORIES,
    POSTGRESQL_SHADOW_DRIVERS,
    POSTGRESQL_DECLARED_ONLY,
  ],
  ['kafka', KAFKA_REPOSITORIES, KAFKA_SHADOW_DRIVERS, KAFKA_DECLARED_ONLY],
  ['redis', REDIS_REPOSITORIES, REDIS_SHADOW_DRIVERS, REDIS_DECLARED_ONLY],
  ['vault', VAULT_REPOSITORIES, VAULT_SHADOW_DRIVERS, VAULT_DECLARED_ONLY],
  // Declared in app-config (platformAdoption.platforms), not built in.
  [
    'opensearch',
    OPENSEARCH_REPOSITORIES,
    OPENSEARCH_SHADOW_DRIVERS,
    OPENSEARCH_DECLARED_ONLY,
  ],
];

/** Platforms Platform Adoption does not know by itself: app-config declares them. */
export const CUSTOM_PLATFORMS = ['opensearch'];

/** The Resource `spec.type` each platform's Resources have in the catalog. */
export const RESOURCE_TYPES = {
  mongodb: 'database',
  postgresql: 'database',
  kafka: 'kafka-cluster',
  redis: 'cache',
  vault: 'secrets-manager',
  opensearch: 'search-engine',
};

/**
 * Which shared Resources (SHARED_RESOURCES) declare a platform, the way the
 * detectors' entity signals read them: a cache tagged `redis` is a Redis
 * deployment; a Kafka *topic* tagged `kafka` is not a Kafka cluster.
 */
const SHARED_DECLARES = { redis: tags => tags.includes('redis') };

/** Repositories using a platform through a shared Resource they depend on. */
const SHARED_CLIENTS = [['redis', REDIS_SHARED_CLIENTS]];

function fail(message) {
  throw new Error(`demo-enterprise: ${message}`);
}

export function buildEstate(componentsByName) {
  const repos = new Map();
  const record = name => {
    const component =
      componentsByName.get(name) ?? fail(`no component named ${name}`);
    if (!repos.has(name)) {
      repos.set(name, {
        component,
        files: {},
        extraFiles: {},
        secrets: [],
        drivers: [],
        resources: [],
        deployments: [],
      });
    }
    return repos.get(name);
  };
  const addDriver = (rec, platform, variant) => {
    if (!variant) return;
    const [pkg, version] =
      driverPackage(platform, rec.component.stack, variant) ??
      fail(`no ${platform} driver ${variant} for ${rec.component.stack}`);
    if (!rec.drivers.some(x => x.package === pkg))
      rec.drivers.push({ platform, package: pkg, version });
  };
  const addFiles = (rec, target, files) => {
    for (const [path, content] of Object.entries(files)) {
      if (path in rec.files || path in rec.extraFiles)
        fail(`${rec.component.name}: ${path} written twice`);
      target[path] = content;
    }
  };
  const declaredWithoutConfiguration = [];

  for (const [
    platform,
    repositories,
    shadowDrivers,
    declaredOnly,
  ] of PLATFORMS) {
    for (const r of repositories) {
      const rec = record(r.repository);
      if (rec.component.owner !== r.owner)
        fail(
          `${r.repository} is owned by ${rec.component.owner}, estate says ${r.owner}`,
        );
      addDriver(rec, platform, r.driver);
      for (const [name, description, tags] of r.resources) {
        rec.resources.push({
          name,
          platform,
          type: RESOURCE_TYPES[platform],
          description,
          tags: [platform, ...tags],
        });
      }
      for (const d of r.deployments) {
        let files = d.files;
        if (d.render) {
          const out = d.render(r, d);
          addFiles(rec, rec.files, out.files);
          addFiles(rec, rec.extraFiles, out.extraFiles ?? {});
          rec.secrets.push(...out.secrets);
          files ??= Object.keys(out.files);
        }
        if (!files)
          fail(`${r.repository}/${d.key} has neither render nor files`);
        if (d.resource && !r.resources.some(([n]) => n === d.resource))
          fail(`${r.repository}/${d.key}: unknown resource ${d.resource}`);
        rec.deployments.push({ ...d, platform, files: [...files].sort() });
      }
    }
    for (const s of shadowDrivers)
      addDriver(record(s.repository), platform, s.driver);
    for (const x of declaredOnly) {
      const rec = record(x.repository);
      addDriver(rec, platform, x.driver);
      const [name, description, tags] = x.resource;
      rec.resources.push({
        name,
        platform,
        type: RESOURCE_TYPES[platform],
        description,
        tags: [platform, ...tags],
      });
      declaredWithoutConfiguration.push({
        platform,
        resource: name,
        repository: x.repository,
        driver: Boolean(x.driver),
      });
    }
  }

  for (const rec of repos.values()) {
    for (const d of rec.deployments) {
      for (const f of d.files)
        if (!(f in rec.files))
          fail(
            `${rec.component.name}/${d.key} lists ${f}, which is not written`,
          );
    }
    for (const s of rec.secrets) {
      const content =
        rec.files[s.path] ??
        rec.extraFiles[s.path] ??
        fail(`${rec.component.name}: secret in unknown file ${s.path}`);
      if (!content.includes(s.value))
        fail(
          `${rec.component.name}/${s.path} does not contain its planted secret`,
        );
    }
  }

  for (const [platform, clients] of SHARED_CLIENTS)
    for (const c of clients)
      addDriver(record(c.repository), platform, c.driver);

  // Shared Resources that declare a platform, by the repositories depending on them.
  const sharedDeclarations = new Map();
  for (const [resource, , , , tags, dependents] of SHARED_RESOURCES) {
    for (const [platform, declares] of Object.entries(SHARED_DECLARES)) {
      if (!declares(tags)) continue;
      for (const dependent of dependents) {
        const key = `${dependent}|${platform}`;
        sharedDeclarations.set(key, [
          ...(sharedDeclarations.get(key) ?? []),
          resource,
        ]);
      }
      // Nobody configures the shared caches: they are declared, not found.
      const configured = dependents.some(dependent =>
        repos.get(dependent)?.deployments.some(d => d.platform === platform),
      );
      if (!configured)
        declaredWithoutConfiguration.push({
          platform,
          resource,
          repository: dependents[0],
          driver: dependents.some(dependent =>
            repos.get(dependent)?.drivers.some(x => x.platform === platform),
          ),
        });
    }
  }

  // Shadow usage: the repository uses a platform (driver or configuration)
  // and its component declares no Resource of that platform.
  const shadow = [];
  for (const [name, rec] of repos) {
    for (const [platform] of PLATFORMS) {
      const used =
        rec.drivers.some(x => x.platform === platform) ||
        rec.deployments.some(x => x.platform === platform);
      const declared =
        rec.resources.some(x => x.platform === platform) ||
        sharedDeclarations.has(`${name}|${platform}`);
      if (used && !declared) shadow.push({ repository: name, platform });
    }
  }

  return {
    repos,
    shadow,
    declaredWithoutConfiguration,
    declaresThroughShared: (repository, platform) =>
      sharedDeclarations.has(`${repository}|${platform}`),
  };
}
