import { PlatformDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import {
  authenticationFacet,
  BACKUP_FACETS,
  CLIENT_FACETS,
  ENVIRONMENT_FACET,
  HOSTING_FACET,
  MONITORING_FACET,
  PROVISIONING_FACET,
  REGION_FACET,
  REPLICAS_FACET,
  REQUIRED_TLS_FACET,
  sizeFacet,
  VERSION_FACET,
} from '../shared/facetDefinitions';

/** @public */
export const REDIS_PLATFORM_ID = 'redis';

/**
 * Redis and the servers that speak its protocol (Valkey, Dragonfly,
 * KeyDB) as Platform Adoption tracks them: managed caches (ElastiCache,
 * Memorystore, Azure Cache), Kubernetes operators, Bitnami's charts,
 * Compose, and the client libraries applications use.
 *
 * @public
 */
export const redisPlatform: PlatformDefinition = {
  id: REDIS_PLATFORM_ID,
  title: 'Redis',
  vendor: 'Redis Ltd. (and the Valkey, Dragonfly and KeyDB projects)',
  description:
    'In-memory key-value store: Redis and Redis-compatible servers, managed and self-hosted.',
  facets: [
    {
      ...VERSION_FACET,
      description:
        'The server version as written (7.2, 8.0). Read it with the distribution: Valkey 8 and Redis 7.2 share a protocol, not a numbering.',
    },
    HOSTING_FACET,
    ENVIRONMENT_FACET,
    {
      id: 'distribution',
      title: 'Distribution',
      kind: 'nominal',
      weight: 0.5,
      description: 'redis, valkey, dragonfly or keydb.',
    },
    {
      id: 'topology',
      title: 'Topology',
      kind: 'nominal',
      weight: 0.6,
      description:
        'standalone, replicated (a primary and replicas) or cluster (sharded Redis Cluster).',
    },
    {
      ...REPLICAS_FACET,
      description: 'Nodes per shard, the primary included.',
    },
    { id: 'shards', title: 'Shards', kind: 'numeric', weight: 0.2 },
    {
      id: 'failover',
      title: 'Automatic failover',
      kind: 'boolean',
      weight: 0.7,
      better: [false, true],
      description:
        'Whether a replica is promoted without an operator: Sentinel, Redis Cluster, a managed service or operator that does it.',
    },
    {
      id: 'persistence',
      title: 'Persistence',
      kind: 'nominal',
      weight: 0.4,
      description:
        'none, rdb (snapshots to disk), aof (append-only file) or aof+rdb; only on storage that outlives the process. Persistence restores a restarted node; it is not a backup.',
    },
    ...BACKUP_FACETS.map(facet =>
      facet.id === 'backup'
        ? {
            ...facet,
            description:
              'none, or snapshot when copies leave the server on a schedule (ElastiCache snapshots, exported RDB files); RDB/AOF persistence alone is none.',
          }
        : facet,
    ),
    MONITORING_FACET,
    authenticationFacet(
      ['none', 'password', ['acl', 'iam', 'azure-ad']],
      'none, password (requirepass / AUTH token), acl (named users), iam or azure-ad; several joined with "+".',
    ),
    REQUIRED_TLS_FACET,
    REGION_FACET,
    sizeFacet(
      'instanceSize',
      'The managed service size: ElastiCache node type, Memorystore tier and memory, Azure SKU.',
    ),
    PROVISIONING_FACET,
    ...CLIENT_FACETS,
  ],
};
