// planted.json: the answer key. What a scanner must extract from each
// repository, which deployments are planted departures, and which values in
// the files are credentials that must never be shown.
import { CUSTOM_PLATFORMS } from './estate.mjs';
import { VAULT_INJECTED } from './platforms/vault.mjs';

export const CONVENTIONS = {
  paths:
    'deployments[].files are relative to examples/repositories/<repository>/; secrets[].file and drivers[].file are relative to examples/repositories/.',
  repositoryUrl:
    'Component annotation backstage.io/source-location is url:https://git.fernhill.example/<component>/ and maps to examples/repositories/<component>/.',
  expected:
    'The facets the files determine. A facet absent from expected is not asserted; a facet set to null must be reported as unknown (not guessed).',
  version:
    'Server version as precisely as the files state it: Atlas mongo_db_major_version "7.0"; image tags reduced to the server version (bitnami 7.0.14-debian-12-r0 -> "7.0.14", mongo:6.0 -> "6.0", postgres:16-alpine -> "16", cloudnative-pg postgresql:16.4 -> "16.4"); Cloud SQL POSTGRES_15 -> "15". Helm chart versions (Chart.yaml dependencies, HelmRelease spec.chart.spec.version) are never server versions.',
  hosting:
    'atlas | kubernetes | docker | aws-rds | aws-aurora | gcp-cloudsql | azure',
  topology:
    'mongodb: replicaset | sharded | standalone. postgresql: cluster (a primary with at least one standby: instances > 1, Multi-AZ, REGIONAL, high_availability, replication) | standalone.',
  replicas:
    'Data-bearing members including the primary (per shard when sharded): Atlas node_count/electable_nodes, CNPG instances, Zalando numberOfInstances, Crunchy sum of instances[].replicas, Bitnami replicaCount or 1 + readReplicas.replicaCount, MongoDBCommunity members, StatefulSet replicas, RDS multi_az 2 else 1, Aurora the aws_rds_cluster_instance count, Cloud SQL REGIONAL 2, Azure high_availability 2, compose 1.',
  backup:
    'none | atlas-cloud-backup | mongodump-cronjob | barman-object-store | pgbackrest | logical-backup (Zalando) | pg-dumpall-cronjob (Bitnami) | rds-automated | cloudsql-automated | azure-automated. "+pitr" is appended where the format has an explicit point-in-time switch and it is on (Atlas pit_enabled, Cloud SQL point_in_time_recovery_enabled).',
  monitoring:
    'datadog | prometheus | cloudwatch | cloud-monitoring | azure-monitor',
  authentication:
    'none | scram (MongoDB users with passwords, MONGO_INITDB_ROOT_*, auth.enabled) | x509 | aws-iam | password (PostgreSQL password/scram-sha-256/md5) | azure-ad. MongoDB: scram, x509 and aws-iam are all acceptable; none is the departure.',
  tls: 'Boolean. Atlas: TLS is always on (minimum_enabled_tls_protocol TLS1_2). CloudNativePG: the operator always serves TLS. Zalando and Crunchy manifests here do not state it.',
  region:
    'Lower-case cloud region (Atlas EU_WEST_2 -> eu-west-2). Never from the Terraform state backend block.',
  environment:
    'production | staging | development, from tags, labels, namespaces, values-<env>.yaml and environments/<env>/ paths; Compose files are development.',
  peers:
    'Consensus is meant per platform and environment (production peers for production deployments). Hosting differs legitimately; only planted departures are snowflakes.',
  versionRule:
    'A version snowflake is two or more major versions behind the consensus; one behind (PostgreSQL 15 against 16) is drift, not planted.',
  declared:
    "true when the repository's component dependsOn a Resource declaring the platform (spec.type database, kafka-cluster, cache, secrets-manager or search-engine tagged with the platform, or a shared cache tagged redis). resource names the Resource that describes exactly this deployment, when there is one.",
  newerPlatforms:
    'kafka, redis and vault deployments write their expected values in the detectors\' own vocabulary (plugins/platform-adoption-node/README.md), except backup, which names the tool as for the databases (elasticache-snapshots, raft-snapshot-cronjob, none), and monitoring "cloudwatch", which stands for what CloudWatch switches on (cloudwatch-logs for ElastiCache). Kafka tls and authentication are those of the weakest listener; Redis persistence (RDB/AOF) is not a backup.',
  decoy:
    'A plant of kind "decoy" differs only on a facet that legitimately varies (region, weight 0.05): it must not be flagged.',
};

export const DOMINANT = {
  mongodb: {
    summary:
      'MongoDB Atlas 7.0, three-node replica set on M30 in eu-west-2, cloud backup with a snapshot schedule, TLS 1.2, x509 or SCRAM users.',
    facets: {
      version: '7.0',
      hosting: 'atlas',
      topology: 'replicaset',
      replicas: 3,
      backup: 'atlas-cloud-backup',
      tls: true,
      region: 'eu-west-2',
    },
  },
  postgresql: {
    summary:
      'On Kubernetes: CloudNativePG, PostgreSQL 16, three instances, barman backup to S3 plus a ScheduledBackup, PodMonitor, TLS. On AWS: RDS for PostgreSQL 16, Multi-AZ, 14-day automated backups, rds.force_ssl, Performance Insights/Enhanced Monitoring.',
    facets: {
      kubernetes: {
        version: '16',
        hosting: 'kubernetes',
        topology: 'cluster',
        replicas: 3,
        backup: 'barman-object-store',
        monitoring: 'prometheus',
        authentication: 'password',
        tls: true,
      },
      aws: {
        version: '16',
        hosting: 'aws-rds',
        topology: 'cluster',
        replicas: 2,
        backup: 'rds-automated',
        monitoring: 'cloudwatch',
        authentication: 'password',
        tls: true,
        region: 'eu-west-2',
      },
    },
  },
  kafka: {
    summary:
      'Strimzi on Kubernetes: Kafka 3.8.0 in KRaft mode with node pools, three brokers on persistent JBOD volumes, one TLS listener with SCRAM-SHA-512, JMX metrics to Prometheus.',
    facets: {
      version: '3.8.0',
      hosting: 'kubernetes',
      mode: 'kraft',
      brokers: 3,
      storage: 'persistent',
      monitoring: 'prometheus',
      authentication: 'scram',
      tls: true,
    },
  },
  redis: {
    summary:
      'ElastiCache for Redis OSS 7.1 in eu-west-2: a primary and a replica with automatic failover, TLS, an AUTH token from Secrets Manager, seven days of snapshots, the slow log in CloudWatch.',
    facets: {
      version: '7.1',
      hosting: 'aws-elasticache',
      topology: 'replicated',
      replicas: 2,
      failover: true,
      backup: 'elasticache-snapshots',
      authentication: 'password',
      tls: true,
      region: 'eu-west-2',
    },
  },
  vault: {
    summary:
      "HashiCorp's Helm chart: Vault 1.17.6, three replicas on integrated storage (Raft), auto-unseal with AWS KMS, TLS, a file audit device, hourly Raft snapshots to S3, Prometheus telemetry, the agent injector, Kubernetes and OIDC auth configured with the Terraform vault provider.",
    facets: {
      version: '1.17.6',
      hosting: 'kubernetes',
      topology: 'ha',
      replicas: 3,
      storage: 'raft',
      seal: 'awskms',
      audit: 'file',
      backup: 'raft-snapshot-cronjob',
      tls: true,
    },
  },
  opensearch: {
    summary:
      'A custom platform declared in app-config: the OpenSearch operator, OpenSearch 2.14.0, three nodes, TLS from the security plugin, monitoring and Dashboards on.',
    facets: { version: '2.14.0', nodes: 3, security: true, monitoring: true },
  },
};

const FACET_ORDER = [
  'version',
  'hosting',
  'topology',
  'replicas',
  'backup',
  'monitoring',
  'authentication',
  'tls',
  'region',
  'environment',
];
/** Facets of the newer platforms, after the common ones, in this order. */
const PLATFORM_FACET_ORDER = [
  'mode',
  'brokers',
  'storage',
  'availability',
  'distribution',
  'failover',
  'persistence',
  'seal',
  'audit',
  'injector',
  'instanceSize',
  'nodes',
  'security',
  'dashboards',
];

export function plantedDocument(components, estate, secrets) {
  const deployments = [];
  const customDeployments = [];
  const drivers = [];
  const declares = (rec, repository, platform) =>
    rec.resources.some(r => r.platform === platform) ||
    estate.declaresThroughShared(repository, platform);
  for (const c of components) {
    const rec = estate.repos.get(c.name);
    if (!rec) continue;
    for (const d of rec.deployments) {
      const facets = { ...d.facets, environment: d.environment };
      const expected = Object.fromEntries(
        [...FACET_ORDER, ...PLATFORM_FACET_ORDER]
          .filter(k => facets[k] !== undefined)
          .map(k => [k, facets[k]]),
      );
      const into = CUSTOM_PLATFORMS.includes(d.platform)
        ? customDeployments
        : deployments;
      into.push({
        repository: c.name,
        platform: d.platform,
        owner: c.owner,
        form: d.form,
        files: d.files,
        environment: d.environment,
        expected,
        plant: d.plant ?? null,
        declared: declares(rec, c.name, d.platform),
        resource: d.resource ? `resource:default/${d.resource}` : null,
        ...(d.note ? { note: d.note } : {}),
      });
    }
    for (const x of rec.drivers) {
      drivers.push({
        repository: c.name,
        platform: x.platform,
        file: `${c.name}/${rec.manifest}`,
        package: x.package,
        declared: declares(rec, c.name, x.platform),
      });
    }
  }
  const byPlatformRepository = (a, b) =>
    a.platform.localeCompare(b.platform) ||
    a.repository.localeCompare(b.repository) ||
    a.environment.localeCompare(b.environment);
  deployments.sort(byPlatformRepository);
  customDeployments.sort(byPlatformRepository);
  return {
    description:
      'Answer key for the Fernhill Bank demo enterprise. Generated by scripts/demo-enterprise/generate.mjs; do not edit by hand.',
    conventions: CONVENTIONS,
    dominant: DOMINANT,
    deployments,
    customPlatforms: {
      description:
        'Platforms app-config.yaml declares under platformAdoption.platforms (no code): a scan finds them only with that declaration (the backend with app-config.yaml, the CLI with --config app-config.yaml).',
      platforms: CUSTOM_PLATFORMS,
      deployments: customDeployments,
    },
    vaultInjected: VAULT_INJECTED,
    shadow: [...new Set(estate.shadow.map(s => s.repository))].sort(),
    shadowByPlatform: estate.shadow,
    declaredWithoutConfiguration: estate.declaredWithoutConfiguration
      .map(x => `resource:default/${x.resource}`)
      .sort(),
    declaredWithoutConfigurationDetail: estate.declaredWithoutConfiguration,
    drivers,
    secrets,
  };
}
