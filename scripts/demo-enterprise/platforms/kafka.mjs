// Fernhill's Kafka estate. The dominant pattern is Strimzi on Kubernetes:
// Kafka 3.8.0 in KRaft mode with node pools, three brokers on persistent
// JBOD volumes, one TLS listener with SCRAM-SHA-512, JMX metrics to
// Prometheus. The fraud team authenticates clients with mutual TLS instead
// of passwords (the positive deviant); the departures from the pattern are
// planted. MSK, Confluent Cloud and Bitnami's chart run outside production.
import {
  confluentCluster,
  fluxKafkaRelease,
  kafkaCompose,
  mskCluster,
  strimziKafka,
} from '../formats/kafka.mjs';

const strimzi = overrides => ({
  version: '3.8.0',
  hosting: 'kubernetes',
  mode: 'kraft',
  brokers: 3,
  storage: 'persistent',
  monitoring: 'prometheus',
  authentication: 'scram',
  tls: true,
  ...overrides,
});

/** A repository whose team runs its own Strimzi cluster in production. */
function strimziRepo(
  repository,
  owner,
  {
    name,
    namespace,
    facets = {},
    plant = null,
    driver = 'default',
    extra = [],
  },
) {
  const resource = `${name}-kafka`;
  return {
    repository,
    owner,
    driver,
    resources: [[resource, `Strimzi Kafka cluster ${name}.`, ['strimzi']]],
    deployments: [
      {
        key: 'strimzi-production',
        environment: 'production',
        form: 'kubernetes:strimzi.Kafka',
        resource,
        facets: strimzi(facets),
        plant,
        render(r, d) {
          return strimziKafka({
            ...d,
            repository,
            owner,
            name,
            namespace,
            dir: 'deploy/kafka',
          });
        },
      },
      ...extra,
    ],
  };
}

export const KAFKA_REPOSITORIES = [
  strimziRepo('payments-event-router', 'payments-core', {
    name: 'payments-events',
    namespace: 'payments-prod',
    extra: [
      {
        key: 'compose-development',
        environment: 'development',
        form: 'docker-compose',
        facets: {
          version: '3.6',
          hosting: 'docker',
          mode: 'kraft',
          brokers: 1,
          storage: 'ephemeral',
          monitoring: 'none',
          authentication: 'none',
          tls: false,
        },
        render(r, d) {
          // Confluent Platform 7.6 ships Apache Kafka 3.6.
          return kafkaCompose({
            ...d,
            file: 'docker-compose.yml',
            confluentRelease: '7.6.1',
            topics: ['payments.lifecycle.v1', 'payments.dlq.v1'],
          });
        },
      },
    ],
  }),
  strimziRepo('card-authorisation-gateway', 'cards-platform', {
    name: 'card-auth-events',
    namespace: 'cards-prod',
    extra: [
      {
        key: 'compose-development',
        environment: 'development',
        form: 'docker-compose',
        facets: {
          version: '3.7.0',
          hosting: 'docker',
          mode: 'kraft',
          brokers: 1,
          storage: 'persistent',
          monitoring: 'none',
          authentication: 'password',
          tls: false,
        },
        render(r, d) {
          return kafkaCompose({
            ...d,
            file: 'compose.yaml',
            image: 'bitnami',
            user: 'cardauth',
            password: 'CardAuth-Kafka-Dev-7781',
          });
        },
      },
    ],
  }),
  // The positive deviant: clients authenticate with certificates.
  strimziRepo('fraud-alerts-publisher', 'fraud-detection', {
    name: 'fraud-alerts',
    namespace: 'fraud-prod',
    facets: { authentication: 'x509' },
    plant: {
      kind: 'positive-deviant',
      facet: 'authentication',
      note: 'The only cluster whose listener authenticates clients by certificate (authentication type tls, KafkaUsers with tls credentials): no SCRAM passwords to distribute or rotate.',
    },
  }),
  strimziRepo('customer-events-publisher', 'customer-identity', {
    name: 'customer-events',
    namespace: 'identity-prod',
  }),
  strimziRepo('price-feed-normaliser', 'market-data', {
    name: 'market-prices',
    namespace: 'market-data-prod',
  }),
  strimziRepo('email-dispatch-service', 'digital-channels', {
    name: 'outbound-email',
    namespace: 'messaging-prod',
  }),
  strimziRepo('lakehouse-ingest-service', 'data-platform', {
    name: 'lakehouse-ingest',
    namespace: 'lakehouse-prod',
    facets: { storage: 'ephemeral' },
    plant: {
      kind: 'snowflake',
      facet: 'storage',
      note: 'storage type: ephemeral in production: a broker restart loses its partitions, and with them any topic not fully replicated.',
    },
  }),
  strimziRepo('sanctions-screening-service', 'financial-crime', {
    name: 'sanctions-events',
    namespace: 'fincrime-prod',
    facets: { tls: false, authentication: 'none' },
    plant: {
      kind: 'snowflake',
      facet: 'tls',
      note: 'A plain listener on 9092 beside the TLS one, kept "for the legacy consumers": screening results cross the network unencrypted and unauthenticated.',
    },
  }),
  strimziRepo('metrics-gateway', 'observability', {
    name: 'metrics-bus',
    namespace: 'observability-prod',
    facets: { version: '2.8.2', mode: 'zookeeper' },
    plant: {
      kind: 'snowflake',
      facet: 'version',
      note: 'Kafka 2.8.2 on ZooKeeper, a major release behind the fleet and out of support: the cluster was created with an old Strimzi and never upgraded.',
    },
  }),
  strimziRepo('cdc-connector-manager', 'data-platform', {
    name: 'cdc-events',
    namespace: 'cdc-prod',
  }),
  {
    repository: 'market-data-snapshotter',
    owner: 'market-data',
    driver: 'default',
    resources: [
      [
        'market-snapshots-msk',
        'Amazon MSK cluster for market snapshots (staging).',
        ['msk'],
      ],
    ],
    deployments: [
      {
        key: 'msk-staging',
        environment: 'staging',
        form: 'terraform:aws_msk_cluster',
        resource: 'market-snapshots-msk',
        facets: {
          version: '3.6.0',
          hosting: 'aws-msk',
          mode: 'zookeeper',
          brokers: 3,
          storage: 'persistent',
          availability: 'multi-zone',
          monitoring: 'cloudwatch-logs+prometheus',
          authentication: 'iam',
          tls: true,
          region: 'eu-west-2',
          instanceSize: 'kafka.m7g.large',
        },
        render(r, d) {
          return mskCluster({
            ...d,
            id: 'snapshots',
            name: 'market-snapshots-staging',
            dir: 'terraform/staging',
            stateKey: `${r.repository}/staging/msk.tfstate`,
          });
        },
      },
    ],
  },
  {
    repository: 'next-best-action-service',
    owner: 'customer-insights',
    driver: 'default',
    resources: [
      [
        'nba-sandbox-kafka',
        'Confluent Cloud sandbox for next-best-action experiments.',
        ['confluent'],
      ],
    ],
    deployments: [
      {
        key: 'confluent-development',
        environment: 'development',
        form: 'terraform:confluent_kafka_cluster',
        resource: 'nba-sandbox-kafka',
        facets: {
          hosting: 'confluent-cloud',
          instanceSize: 'basic',
          availability: 'single-zone',
          storage: 'persistent',
          monitoring: 'none',
          authentication: 'api-key',
          tls: true,
          region: 'eu-west-2',
        },
        render(r, d) {
          return confluentCluster({
            ...d,
            id: 'sandbox',
            name: 'nba-sandbox',
            environmentId: 'development',
            environmentName: 'Development',
            dir: 'infra/confluent',
            stateKey: `${r.repository}/confluent.tfstate`,
          });
        },
      },
    ],
  },
  {
    repository: 'push-notification-gateway',
    owner: 'mobile-banking',
    driver: 'default',
    resources: [],
    deployments: [
      {
        key: 'helm-staging',
        environment: 'staging',
        form: 'flux:HelmRelease:kafka',
        facets: {
          version: '3.8.1',
          hosting: 'kubernetes',
          mode: 'kraft',
          brokers: 3,
          storage: 'persistent',
          monitoring: 'prometheus',
          authentication: 'scram',
          tls: true,
        },
        render(r, d) {
          return fluxKafkaRelease({
            ...d,
            repository: r.repository,
            owner: r.owner,
            name: 'push-events',
            namespace: 'push-staging',
            user: 'push-gateway',
            dir: 'deploy/flux',
          });
        },
      },
    ],
  },
];

/** Repositories that use a Kafka client and declare nothing. */
export const KAFKA_SHADOW_DRIVERS = [
  { repository: 'chargeback-service', driver: 'default' },
];

export const KAFKA_DECLARED_ONLY = [
  {
    repository: 'chaps-payments-adapter',
    driver: 'default',
    resource: [
      'chaps-kafka',
      'Kafka cluster for CHAPS messages (run by the payments infrastructure vendor).',
      ['kafka-cluster'],
    ],
  },
];
