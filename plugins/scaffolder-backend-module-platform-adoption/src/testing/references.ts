import { ReferenceArchitectureVersion } from '@platform-adoption/plugin-platform-adoption-common';

/*
 * Reference architectures for tests, as GET /references returns them. The
 * first of each platform is what "Derive from fleet" proposes for the demo
 * enterprise in examples/ (captured from a running backend), with the
 * variants and practices a CoE would add; the others pin down each form
 * with the requirements that only it can meet.
 */

const published = {
  publishedAt: '2026-11-20T10:00:00.000Z',
  publishedBy: 'user:default/tamsin.raman',
};

/** MongoDB as the demo fleet runs it: Atlas, 7.0, M30, three-node replica sets with cloud backup. */
export const mongodbFleetReference: ReferenceArchitectureVersion = {
  platform: 'mongodb',
  version: 3,
  ...published,
  title: 'MongoDB on Atlas',
  rationale:
    'Derived from 22 MongoDB deployments: the configuration most teams already share.',
  ownerRef: 'group:default/coe',
  facets: {
    version: {
      requirement: { versionRange: '>=7.0' },
      rationale: '17 of 19 deployments already run 7.0.14.',
    },
    replicas: { requirement: { equals: 3 } },
    backup: { requirement: { oneOf: ['snapshot', 'continuous'] } },
    backupTool: { requirement: { equals: 'atlas-cloud-backup' } },
    authentication: { requirement: { oneOf: ['scram', 'x509', 'iam'] } },
    tls: { requirement: { equals: true } },
    provisioning: { requirement: { equals: 'terraform' } },
    topology: { requirement: { equals: 'replicaset' } },
    instanceSize: { requirement: { equals: 'M30' } },
  },
  variants: [
    {
      id: 'sharded',
      title: 'Sharded, for tick data',
      description:
        'Write volumes a replica set cannot take; continuous backup because replays are expensive.',
      facets: {
        topology: { equals: 'sharded' },
        shards: { oneOf: [2, 3] },
        instanceSize: { oneOf: ['M40', 'M50'] },
        backup: { equals: 'continuous' },
      },
    },
  ],
  practices: [
    {
      kind: 'backup',
      title: 'Restore drill every quarter',
      url: 'https://wiki.fernhill.example/mongodb/restore-drill',
    },
    {
      kind: 'identity',
      title:
        'Service identities through AWS IAM roles where the service runs on AWS',
    },
  ],
};

/** MongoDB on Atlas with the monitoring and identity a stricter CoE requires. */
export const mongodbAtlasStrictReference: ReferenceArchitectureVersion = {
  ...mongodbFleetReference,
  version: 4,
  title: 'MongoDB on Atlas, monitored',
  facets: {
    ...mongodbFleetReference.facets,
    version: { requirement: { versionRange: '>=8.0' } },
    monitoring: { requirement: { equals: 'atlas-integration-datadog' } },
    authentication: { requirement: { equals: 'iam+x509' } },
    backup: { requirement: { equals: 'continuous' } },
    region: { requirement: { oneOf: ['eu-west-2', 'eu-west-1'] } },
    provider: { requirement: { equals: 'aws' } },
  },
  variants: [],
};

/** Self-hosted MongoDB on Kubernetes: the Community operator with nightly dumps. */
export const mongodbKubernetesReference: ReferenceArchitectureVersion = {
  platform: 'mongodb',
  version: 1,
  ...published,
  title: 'MongoDB on Kubernetes',
  rationale: 'For teams that cannot use Atlas.',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=7.0 <8.1' } },
    provisioning: { requirement: { equals: 'operator' } },
    topology: { requirement: { equals: 'replicaset' } },
    replicas: { requirement: { equals: 3 } },
    backup: { requirement: { oneOf: ['snapshot', 'continuous'] } },
    authentication: { requirement: { oneOf: ['scram', 'x509'] } },
    tls: { requirement: { equals: true } },
    monitoring: { requirement: { equals: 'prometheus' } },
  },
  variants: [
    {
      id: 'ops-manager',
      title: 'Ops Manager, with continuous backup and sharding',
      facets: {
        backup: { equals: 'continuous' },
        topology: { equals: 'sharded' },
        shards: { equals: 2 },
      },
    },
  ],
  practices: [],
};

/**
 * PostgreSQL as the demo fleet runs it on Kubernetes: CloudNativePG with
 * continuous backup and Prometheus. "Derive from fleet" also proposes
 * `storageEncrypted: true`, which only managed services state; this is the
 * reference once the CoE has dropped it (see postgresqlDerivedReference).
 */
export const postgresqlFleetReference: ReferenceArchitectureVersion = {
  platform: 'postgresql',
  version: 2,
  ...published,
  title: 'PostgreSQL on CloudNativePG',
  rationale:
    'Derived from 27 PostgreSQL deployments: the configuration most teams already share.',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=16' } },
    backup: { requirement: { equals: 'continuous' } },
    monitoring: { requirement: { equals: 'prometheus' } },
    authentication: { requirement: { oneOf: ['password', 'iam'] } },
    tls: { requirement: { equals: true } },
    provisioning: { requirement: { equals: 'operator' } },
    topology: { requirement: { equals: 'replicated' } },
    operator: { requirement: { equals: 'cnpg' } },
  },
  variants: [
    {
      id: 'client-certificates',
      title: 'Client certificates, for services without a password store',
      facets: { authentication: { equals: 'x509' }, replicas: { equals: 2 } },
    },
  ],
  practices: [{ kind: 'monitoring', title: 'CloudNativePG Grafana dashboard' }],
};

const { version: _noVersionProposed, ...derivedFacets } =
  postgresqlFleetReference.facets;

/** Exactly what "Derive from fleet" proposes for the demo's PostgreSQL. */
export const postgresqlDerivedReference: ReferenceArchitectureVersion = {
  ...postgresqlFleetReference,
  version: 1,
  facets: {
    ...derivedFacets,
    storageEncrypted: { requirement: { equals: true } },
  },
  variants: [],
};

/** PostgreSQL on Amazon RDS, as the demo's AWS teams run it. */
export const postgresqlRdsReference: ReferenceArchitectureVersion = {
  platform: 'postgresql',
  version: 5,
  ...published,
  title: 'PostgreSQL on Amazon RDS',
  rationale:
    'Multi-AZ RDS for PostgreSQL 16 with 14-day automated backups and enforced TLS.',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=16 <17' } },
    provisioning: { requirement: { equals: 'terraform' } },
    topology: { requirement: { equals: 'replicated' } },
    replicas: { requirement: { equals: 2 } },
    backup: { requirement: { equals: 'continuous' } },
    backupTool: { requirement: { equals: 'rds-automated' } },
    monitoring: {
      requirement: {
        equals: 'cloudwatch-logs+enhanced-monitoring+performance-insights',
      },
    },
    authentication: { requirement: { oneOf: ['password', 'iam'] } },
    tls: { requirement: { equals: true } },
    storageEncrypted: { requirement: { equals: true } },
    instanceClass: {
      requirement: { oneOf: ['db.r6g.large', 'db.r6g.xlarge'] },
    },
  },
  variants: [
    {
      id: 'read-scaling',
      title: 'Read replicas, for reporting load',
      facets: {
        replicas: { oneOf: [3, 4] },
        authentication: { equals: 'iam' },
      },
    },
  ],
  practices: [],
};

/** Kafka on Strimzi in KRaft mode, with an approved managed variant on MSK. */
export const kafkaReference: ReferenceArchitectureVersion = {
  platform: 'kafka',
  version: 1,
  ...published,
  title: 'Kafka on Strimzi',
  rationale:
    'KRaft clusters of three brokers over three zones, TLS and SCRAM or mutual TLS on every listener.',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=3.9' } },
    mode: { requirement: { equals: 'kraft' } },
    brokers: { requirement: { equals: 3 } },
    storage: { requirement: { equals: 'persistent' } },
    availability: { requirement: { equals: 'multi-zone' } },
    authentication: { requirement: { oneOf: ['scram', 'x509', 'scram+x509'] } },
    tls: { requirement: { equals: true } },
    monitoring: { requirement: { equals: 'prometheus' } },
    provisioning: { requirement: { equals: 'operator' } },
  },
  variants: [
    {
      id: 'msk',
      title: 'Amazon MSK, for teams on AWS',
      facets: {
        provisioning: { equals: 'terraform' },
        authentication: { equals: 'iam' },
        monitoring: { equals: 'cloudwatch-logs+prometheus' },
        brokers: { oneOf: [3, 6] },
      },
    },
  ],
  practices: [],
};

/** Valkey on ElastiCache: replicated, failing over, snapshotted, named users. */
export const redisReference: ReferenceArchitectureVersion = {
  platform: 'redis',
  version: 2,
  ...published,
  title: 'Valkey on ElastiCache',
  rationale:
    'Managed Valkey with a replica in another zone, named users and daily snapshots.',
  ownerRef: 'group:default/coe',
  facets: {
    distribution: { requirement: { equals: 'valkey' } },
    version: { requirement: { versionRange: '>=7.2' } },
    topology: { requirement: { equals: 'replicated' } },
    replicas: { requirement: { oneOf: [2, 3] } },
    failover: { requirement: { equals: true } },
    backup: { requirement: { equals: 'snapshot' } },
    authentication: { requirement: { oneOf: ['acl', 'iam', 'acl+iam'] } },
    tls: { requirement: { equals: true } },
    monitoring: { requirement: { equals: 'cloudwatch-logs' } },
    provisioning: { requirement: { equals: 'terraform' } },
  },
  variants: [
    {
      id: 'sharded',
      title: 'Cluster mode, for data sets beyond one node',
      facets: {
        topology: { equals: 'cluster' },
        shards: { oneOf: [2, 3, 4] },
        authentication: { equals: 'iam' },
      },
    },
  ],
  practices: [],
};

/** Vault on Kubernetes: HA on Raft, auto-unseal, two audit devices, Kubernetes and OIDC logins. */
export const vaultReference: ReferenceArchitectureVersion = {
  platform: 'vault',
  version: 1,
  ...published,
  title: 'Vault on Kubernetes',
  rationale:
    'Integrated storage with hourly snapshots; auto-unseal so a restart needs nobody.',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=1.18' } },
    topology: { requirement: { equals: 'ha' } },
    replicas: { requirement: { equals: 3 } },
    storage: { requirement: { equals: 'raft' } },
    seal: { requirement: { oneOf: ['awskms', 'gcpckms', 'azurekeyvault'] } },
    audit: { requirement: { oneOf: ['file+syslog', 'file+socket'] } },
    authentication: { requirement: { equals: 'kubernetes+oidc' } },
    tls: { requirement: { equals: true } },
    backup: { requirement: { equals: 'snapshot' } },
    monitoring: { requirement: { equals: 'prometheus' } },
    provisioning: { requirement: { equals: 'helm' } },
  },
  variants: [
    {
      id: 'batch',
      title: 'Machine logins only, for batch platforms',
      facets: {
        authentication: { equals: 'approle+kubernetes' },
        seal: { equals: 'awskms' },
      },
    },
  ],
  practices: [],
};
