// Fernhill's Redis estate. The dominant pattern is ElastiCache for Redis
// OSS 7.1 in eu-west-2: a primary and a replica with automatic failover,
// TLS, an AUTH token from Secrets Manager, seven days of snapshots and the
// slow log in CloudWatch. The identity team moved to IAM users (the
// positive deviant); the departures are planted. Memorystore, Azure Cache,
// the operators and Bitnami's Valkey chart are minorities.
import {
  azureRedisCache,
  bitnamiValkeyValues,
  dragonfly,
  elasticacheReplicationGroup,
  memorystoreInstance,
  opstreeReplication,
  redisCompose,
} from '../formats/redis.mjs';

const elasticache = overrides => ({
  version: '7.1',
  hosting: 'aws-elasticache',
  distribution: 'redis',
  topology: 'replicated',
  replicas: 2,
  failover: true,
  backup: 'elasticache-snapshots',
  monitoring: 'cloudwatch',
  authentication: 'password',
  tls: true,
  region: 'eu-west-2',
  instanceSize: 'cache.r7g.large',
  ...overrides,
});

/** A repository whose team keeps its cache in an ElastiCache replication group. */
function elasticacheRepo(
  repository,
  owner,
  { name, facets = {}, plant = null, driver = 'default', extra = [], ...rest },
) {
  const resource = `${name}-redis`;
  return {
    repository,
    owner,
    driver,
    resources: [
      [resource, `ElastiCache replication group ${name}.`, ['elasticache']],
    ],
    deployments: [
      {
        key: 'elasticache-production',
        environment: 'production',
        form: 'terraform:aws_elasticache_replication_group',
        resource,
        facets: elasticache(facets),
        plant,
        render(r, d) {
          return elasticacheReplicationGroup({
            ...d,
            owner,
            id: 'cache',
            name: `${name}-prod`,
            description: `${name} cache for ${repository}`,
            dir: 'infra/elasticache',
            stateKey: `${repository}/elasticache.tfstate`,
            ...rest,
          });
        },
      },
      ...extra,
    ],
  };
}

const compose = (file, image, server, facets, extra = {}) => ({
  key: 'compose-development',
  environment: 'development',
  form: 'docker-compose',
  facets: {
    hosting: 'docker',
    topology: 'standalone',
    replicas: 1,
    failover: false,
    backup: 'none',
    monitoring: 'none',
    tls: false,
    ...facets,
  },
  render(r, d) {
    return redisCompose({
      ...d,
      repository: r.repository,
      file,
      image,
      server,
      ...extra,
    });
  },
});

export const REDIS_REPOSITORIES = [
  elasticacheRepo('payment-limits-service', 'payments-core', {
    name: 'payment-limits',
    extra: [
      compose(
        'docker-compose.yml',
        'redis:7.2-alpine',
        'redis-server',
        {
          version: '7.2',
          distribution: 'redis',
          authentication: 'password',
          persistence: 'aof+rdb',
        },
        { password: 'Limits-Redis-Dev-4410', appService: true },
      ),
    ],
  }),
  elasticacheRepo('card-controls-service', 'cards-platform', {
    name: 'card-controls',
  }),
  elasticacheRepo('mfa-challenge-service', 'customer-identity', {
    name: 'mfa-challenges',
  }),
  elasticacheRepo('merchant-pricing-service', 'merchant-services', {
    name: 'merchant-pricing',
  }),
  elasticacheRepo('loan-quote-engine', 'personal-lending', {
    name: 'loan-quotes',
  }),
  elasticacheRepo('overpayment-calculator', 'mortgage-servicing', {
    name: 'overpayments',
  }),
  // The positive deviant: IAM users instead of a shared AUTH token.
  elasticacheRepo('session-token-service', 'customer-identity', {
    name: 'session-tokens',
    facets: { authentication: 'iam' },
    iamUser: 'session-token-service',
    plant: {
      kind: 'positive-deviant',
      facet: 'authentication',
      note: 'The only cache whose clients log in as IAM users (an ElastiCache user group, authentication_mode iam): no shared AUTH token to leak or rotate.',
    },
    extra: [
      compose('compose.yaml', 'valkey/valkey:8.0', 'valkey-server', {
        version: '8.0',
        distribution: 'valkey',
        authentication: 'none',
        persistence: 'none',
      }),
    ],
  }),
  elasticacheRepo('fx-rates-service', 'market-data', {
    name: 'fx-rates',
    facets: { version: '5.0.6' },
    plant: {
      kind: 'snowflake',
      facet: 'version',
      note: 'Redis 5.0.6, two major versions behind the fleet: the replication group was created in 2019 and never upgraded.',
    },
  }),
  elasticacheRepo('device-fingerprint-service', 'fraud-detection', {
    name: 'device-fingerprints',
    facets: { tls: false, authentication: 'none' },
    plant: {
      kind: 'snowflake',
      facet: 'tls',
      note: 'transit_encryption_enabled = false, hence no AUTH token either (ElastiCache requires TLS for it): device fingerprints cross the VPC in clear text to any client.',
    },
  }),
  elasticacheRepo('mobile-feature-toggles', 'mobile-banking', {
    name: 'feature-toggles',
    facets: { topology: 'standalone', replicas: 1, failover: false },
    plant: {
      kind: 'snowflake',
      facet: 'failover',
      note: "A single node without automatic failover in production: a node failure takes the app's feature toggles down until someone restores it.",
    },
  }),
  {
    repository: 'model-serving-gateway',
    owner: 'ml-platform',
    driver: 'default',
    resources: [
      [
        'model-cache-memorystore',
        'Memorystore instance caching model features.',
        ['gcp'],
      ],
    ],
    deployments: [
      {
        key: 'memorystore-production',
        environment: 'production',
        form: 'terraform:google_redis_instance',
        resource: 'model-cache-memorystore',
        facets: {
          version: '7.2',
          hosting: 'gcp-memorystore',
          distribution: 'redis',
          topology: 'replicated',
          replicas: 2,
          failover: true,
          persistence: 'rdb',
          backup: 'none',
          monitoring: 'none',
          authentication: 'password',
          tls: true,
          region: 'europe-west2',
        },
        plant: {
          kind: 'snowflake',
          facet: 'backup',
          note: 'Memorystore with RDB persistence and no export: persistence restores a failed node, but a deleted instance or a bad write cannot be rolled back.',
        },
        render(r, d) {
          return memorystoreInstance({
            ...d,
            owner: r.owner,
            id: 'model_cache',
            name: 'model-cache-prod',
            memoryGb: 5,
            project: 'fernhill-ml-prod',
            dir: 'terraform/memorystore',
            stateKey: `${r.repository}/memorystore`,
          });
        },
      },
    ],
  },
  {
    repository: 'payment-orchestrator',
    owner: 'payments-core',
    driver: 'default',
    resources: [],
    deployments: [
      {
        key: 'opstree-staging',
        environment: 'staging',
        form: 'kubernetes:redis.RedisReplication',
        facets: {
          version: '7.2.7',
          hosting: 'kubernetes',
          distribution: 'redis',
          topology: 'replicated',
          replicas: 3,
          failover: true,
          persistence: 'rdb',
          backup: 'none',
          monitoring: 'prometheus',
          authentication: 'password',
          tls: false,
        },
        render(r, d) {
          return opstreeReplication({
            ...d,
            owner: r.owner,
            name: 'orchestration-state',
            namespace: 'payments-staging',
            dir: 'k8s/redis',
          });
        },
      },
    ],
  },
  {
    repository: 'content-api',
    owner: 'digital-channels',
    driver: 'default',
    resources: [
      [
        'content-dragonfly',
        'Dragonfly cache for rendered content (development).',
        ['dragonfly'],
      ],
    ],
    deployments: [
      {
        key: 'dragonfly-development',
        environment: 'development',
        form: 'kubernetes:dragonfly.Dragonfly',
        resource: 'content-dragonfly',
        facets: {
          version: '1.25.1',
          hosting: 'kubernetes',
          distribution: 'dragonfly',
          topology: 'replicated',
          replicas: 2,
          failover: true,
          persistence: 'rdb',
          backup: 'none',
          monitoring: 'none',
          authentication: 'password',
          tls: false,
        },
        render(r, d) {
          return dragonfly({
            ...d,
            owner: r.owner,
            name: 'content-cache',
            namespace: 'content-dev',
            dir: 'k8s',
          });
        },
      },
    ],
  },
  {
    repository: 'secure-messaging-service',
    owner: 'digital-channels',
    driver: 'default',
    resources: [
      [
        'secure-messaging-valkey',
        'Valkey for message threads (staging).',
        ['valkey'],
      ],
    ],
    deployments: [
      {
        key: 'valkey-staging',
        environment: 'staging',
        form: 'helm:valkey',
        resource: 'secure-messaging-valkey',
        facets: {
          version: '8.0.2',
          hosting: 'kubernetes',
          distribution: 'valkey',
          topology: 'replicated',
          replicas: 3,
          failover: true,
          persistence: 'aof',
          backup: 'none',
          monitoring: 'prometheus',
          authentication: 'password',
          tls: true,
        },
        render(r, d) {
          return bitnamiValkeyValues({
            ...d,
            name: 'messaging-valkey',
            dir: 'helm/valkey',
          });
        },
      },
    ],
  },
  {
    repository: 'suitability-report-service',
    owner: 'financial-advice',
    driver: 'default',
    resources: [
      [
        'suitability-azure-cache',
        'Azure Cache for Redis for report drafts (staging).',
        ['azure'],
      ],
    ],
    deployments: [
      {
        key: 'azure-staging',
        environment: 'staging',
        form: 'terraform:azurerm_redis_cache',
        resource: 'suitability-azure-cache',
        facets: {
          version: '6',
          hosting: 'azure-cache',
          distribution: 'redis',
          topology: 'replicated',
          replicas: 2,
          failover: true,
          persistence: 'none',
          backup: 'none',
          monitoring: 'none',
          authentication: 'password',
          tls: true,
          region: 'uksouth',
        },
        render(r, d) {
          return azureRedisCache({
            ...d,
            owner: r.owner,
            id: 'drafts',
            name: 'suitability-drafts-staging',
            location: 'UK South',
            dir: 'infra/azure',
            stateKey: `${r.repository}/azure-cache.tfstate`,
          });
        },
      },
    ],
  },
];

/** Repositories that use a Redis client and declare nothing. */
export const REDIS_SHADOW_DRIVERS = [
  { repository: 'sms-gateway-adapter', driver: 'default' },
];

export const REDIS_DECLARED_ONLY = [];

/** Repositories that use Redis through a shared cache Resource they depend on. */
export const REDIS_SHARED_CLIENTS = [
  { repository: 'mobile-banking-bff', driver: 'default' },
  { repository: 'biometric-login-service', driver: 'default' },
  { repository: 'card-fraud-scorer', driver: 'default' },
  { repository: 'aisp-api-gateway', driver: 'default' },
  { repository: 'pisp-api-gateway', driver: 'default' },
];
