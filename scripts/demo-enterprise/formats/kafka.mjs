// Kafka as Fernhill's teams declare it: Strimzi custom resources (ZooKeeper
// mode, and KRaft with node pools), Amazon MSK and Confluent Cloud in
// Terraform, Bitnami's chart through Flux, and Compose for laptops.
import { attr, blank, block, map, str, tfFile } from '../hcl.mjs';
import { toYaml, toYamlDocuments } from '../yaml.mjs';
import { backendAndProviders, variable } from './terraform.mjs';

const labels = d => ({
  'app.kubernetes.io/part-of': d.repository,
  environment: d.environment,
  team: d.owner,
});

const persistentJbod = size => ({
  type: 'jbod',
  volumes: [{ id: 0, type: 'persistent-claim', size, deleteClaim: false }],
});

/**
 * A Strimzi `Kafka` (kafka.strimzi.io/v1beta2). ZooKeeper mode keeps brokers
 * and storage in the resource; KRaft moves them to KafkaNodePools in a file
 * of their own.
 */
export function strimziKafka(d) {
  const f = d.facets;
  const kraft = f.mode === 'kraft';
  const listeners = [
    {
      name: 'tls',
      port: 9093,
      type: 'internal',
      tls: true,
      authentication: {
        type: f.authentication === 'x509' ? 'tls' : 'scram-sha-512',
      },
    },
  ];
  // The departure: a plain listener "for the legacy consumers".
  if (!f.tls)
    listeners.unshift({
      name: 'plain',
      port: 9092,
      type: 'internal',
      tls: false,
    });
  const storage =
    f.storage === 'ephemeral' ? { type: 'ephemeral' } : persistentJbod('200Gi');
  const kafka = {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'Kafka',
    metadata: {
      name: d.name,
      namespace: d.namespace,
      labels: labels(d),
      annotations: kraft
        ? { 'strimzi.io/node-pools': 'enabled', 'strimzi.io/kraft': 'enabled' }
        : undefined,
    },
    spec: {
      kafka: {
        version: f.version,
        metadataVersion: kraft
          ? `${f.version.split('.').slice(0, 2).join('.')}-IV0`
          : undefined,
        replicas: kraft ? undefined : f.brokers,
        listeners,
        authorization: { type: 'simple' },
        config: {
          'offsets.topic.replication.factor': 3,
          'transaction.state.log.replication.factor': 3,
          'transaction.state.log.min.isr': 2,
          'default.replication.factor': 3,
          'min.insync.replicas': 2,
        },
        storage: kraft ? undefined : storage,
        metricsConfig:
          f.monitoring === 'prometheus'
            ? {
                type: 'jmxPrometheusExporter',
                valueFrom: {
                  configMapKeyRef: {
                    name: `${d.name}-metrics`,
                    key: 'kafka-metrics-config.yml',
                  },
                },
              }
            : undefined,
      },
      zookeeper: kraft
        ? undefined
        : {
            replicas: 3,
            storage: {
              type: 'persistent-claim',
              size: '20Gi',
              deleteClaim: false,
            },
          },
      entityOperator: { topicOperator: {}, userOperator: {} },
    },
  };
  const files = { [`${d.dir}/kafka.yaml`]: toYaml(kafka) };
  if (kraft) {
    const pool = (name, roles, replicas, poolStorage) => ({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaNodePool',
      metadata: {
        name,
        namespace: d.namespace,
        labels: { 'strimzi.io/cluster': d.name, ...labels(d) },
      },
      spec: { replicas, roles, storage: poolStorage },
    });
    files[`${d.dir}/node-pools.yaml`] = toYamlDocuments([
      pool('controllers', ['controller'], 3, {
        type: 'persistent-claim',
        size: '20Gi',
        deleteClaim: false,
      }),
      pool('brokers', ['broker'], f.brokers, storage),
    ]);
  }
  return { files, secrets: [] };
}

function awsProviders(stateKey, region, environment) {
  return backendAndProviders({
    stateKey,
    providers: { aws: ['hashicorp/aws', '~> 5.70'] },
    providerBlocks: [
      block(
        'provider',
        ['aws'],
        [
          attr('region', str(region)),
          blank,
          block(
            'default_tags',
            [],
            [
              attr(
                'tags',
                map({
                  Environment: str(environment),
                  ManagedBy: str('terraform'),
                }),
              ),
            ],
          ),
        ],
      ),
    ],
  });
}

/** An `aws_msk_cluster` with IAM authentication, open monitoring and broker logs. */
export function mskCluster(d) {
  const f = d.facets;
  const cluster = block(
    'resource',
    ['aws_msk_cluster', d.id],
    [
      attr('cluster_name', str(d.name)),
      attr('kafka_version', 'var.kafka_version'),
      attr('number_of_broker_nodes', String(f.brokers)),
      blank,
      block(
        'broker_node_group_info',
        [],
        [
          attr('instance_type', str(f.instanceSize)),
          attr('client_subnets', '[var.subnet_a, var.subnet_b, var.subnet_c]'),
          attr('security_groups', '[aws_security_group.msk.id]'),
          blank,
          block(
            'storage_info',
            [],
            [block('ebs_storage_info', [], [attr('volume_size', '500')])],
          ),
        ],
      ),
      blank,
      block(
        'encryption_info',
        [],
        [attr('encryption_at_rest_kms_key_arn', 'aws_kms_key.msk.arn')],
      ),
      blank,
      block(
        'client_authentication',
        [],
        [block('sasl', [], [attr('iam', 'true')])],
      ),
      blank,
      block(
        'open_monitoring',
        [],
        [
          block(
            'prometheus',
            [],
            [
              block('jmx_exporter', [], [attr('enabled_in_broker', 'true')]),
              block('node_exporter', [], [attr('enabled_in_broker', 'true')]),
            ],
          ),
        ],
      ),
      blank,
      block(
        'logging_info',
        [],
        [
          block(
            'broker_logs',
            [],
            [
              block(
                'cloudwatch_logs',
                [],
                [
                  attr('enabled', 'true'),
                  attr('log_group', 'aws_cloudwatch_log_group.msk.name'),
                ],
              ),
            ],
          ),
        ],
      ),
    ],
  );
  const support = [
    block(
      'resource',
      ['aws_kms_key', 'msk'],
      [
        attr('description', str(`${d.name} data at rest`)),
        attr('enable_key_rotation', 'true'),
      ],
    ),
    block(
      'resource',
      ['aws_cloudwatch_log_group', 'msk'],
      [attr('name', str(`/msk/${d.name}`)), attr('retention_in_days', '30')],
    ),
    block(
      'resource',
      ['aws_security_group', 'msk'],
      [attr('name', str(`${d.name}-msk`)), attr('vpc_id', 'var.vpc_id')],
    ),
  ];
  const variables = [
    variable('kafka_version', 'Kafka release the brokers run.', {
      defaultValue: f.version,
    }),
    variable('vpc_id', 'VPC of the brokers.'),
    ...['a', 'b', 'c'].map(zone =>
      variable(
        `subnet_${zone}`,
        `Private subnet in availability zone ${zone}.`,
      ),
    ),
  ];
  return {
    files: {
      [`${d.dir}/main.tf`]: tfFile(cluster, ...support),
      [`${d.dir}/variables.tf`]: tfFile(...variables),
      [`${d.dir}/providers.tf`]: tfFile(
        ...awsProviders(d.stateKey, f.region, d.environment),
      ),
    },
    secrets: [],
  };
}

/** A Confluent Cloud cluster in a Confluent environment of its own. */
export function confluentCluster(d) {
  const f = d.facets;
  const environment = block(
    'resource',
    ['confluent_environment', d.environmentId],
    [attr('display_name', str(d.environmentName))],
  );
  const cluster = block(
    'resource',
    ['confluent_kafka_cluster', d.id],
    [
      attr('display_name', str(d.name)),
      attr(
        'availability',
        str(f.availability === 'multi-zone' ? 'MULTI_ZONE' : 'SINGLE_ZONE'),
      ),
      attr('cloud', str('AWS')),
      attr('region', str(f.region)),
      blank,
      block(f.instanceSize, [], []),
      blank,
      block(
        'environment',
        [],
        [attr('id', `confluent_environment.${d.environmentId}.id`)],
      ),
    ],
  );
  const providers = backendAndProviders({
    stateKey: d.stateKey,
    providers: { confluent: ['confluentinc/confluent', '~> 2.12'] },
    providerBlocks: [
      block(
        'provider',
        ['confluent'],
        [
          attr('cloud_api_key', 'var.confluent_cloud_api_key'),
          attr('cloud_api_secret', 'var.confluent_cloud_api_secret'),
        ],
      ),
    ],
  });
  return {
    files: {
      [`${d.dir}/main.tf`]: tfFile(environment, cluster),
      [`${d.dir}/providers.tf`]: tfFile(
        ...providers,
        variable('confluent_cloud_api_key', 'Cloud API key.', {
          sensitive: true,
        }),
        variable('confluent_cloud_api_secret', 'Cloud API secret.', {
          sensitive: true,
        }),
      ),
    },
    secrets: [],
  };
}

/** A Flux HelmRelease of bitnami/kafka (KRaft, combined controller+broker nodes). */
export function fluxKafkaRelease(d) {
  const f = d.facets;
  const release = {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: d.name, namespace: d.namespace, labels: labels(d) },
    spec: {
      interval: '30m',
      chart: {
        spec: {
          chart: 'kafka',
          version: '31.1.0',
          sourceRef: {
            kind: 'HelmRepository',
            name: 'bitnami',
            namespace: 'flux-system',
          },
        },
      },
      values: {
        image: { tag: `${f.version}-debian-12-r0` },
        controller: {
          replicaCount: f.brokers,
          persistence: { size: '50Gi', storageClass: 'gp3' },
        },
        listeners: {
          client: { protocol: 'SASL_SSL' },
          interbroker: { protocol: 'SASL_SSL' },
        },
        sasl: {
          enabledMechanisms: 'SCRAM-SHA-512',
          client: { users: [d.user], existingSecret: `${d.name}-sasl` },
        },
        tls: { type: 'PEM', autoGenerated: { enabled: true } },
        metrics: { jmx: { enabled: f.monitoring === 'prometheus' } },
      },
    },
  };
  return {
    files: { [`${d.dir}/helmrelease.yaml`]: toYaml(release) },
    secrets: [],
  };
}

/** Compose for a laptop: Confluent's KRaft quick start, or Bitnami's image with SASL. */
export function kafkaCompose(d) {
  const secrets = [];
  let kafka;
  if (d.image === 'bitnami') {
    kafka = {
      image: `bitnami/kafka:${d.facets.version}`,
      ports: ['9092:9092'],
      environment: [
        'KAFKA_CFG_NODE_ID=0',
        'KAFKA_CFG_PROCESS_ROLES=controller,broker',
        'KAFKA_CFG_CONTROLLER_QUORUM_VOTERS=0@kafka:9093',
        'KAFKA_CFG_LISTENERS=SASL_PLAINTEXT://:9092,CONTROLLER://:9093',
        'KAFKA_CFG_ADVERTISED_LISTENERS=SASL_PLAINTEXT://localhost:9092',
        'KAFKA_CFG_LISTENER_SECURITY_PROTOCOL_MAP=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
        'KAFKA_CFG_CONTROLLER_LISTENER_NAMES=CONTROLLER',
        'KAFKA_CFG_SASL_ENABLED_MECHANISMS=PLAIN',
        `KAFKA_CLIENT_USERS=${d.user}`,
        `KAFKA_CLIENT_PASSWORDS=${d.password}`,
      ],
      volumes: ['kafka-data:/bitnami/kafka'],
    };
    secrets.push({ path: d.file, value: d.password });
  } else {
    kafka = {
      image: `confluentinc/cp-kafka:${d.confluentRelease}`,
      hostname: 'broker',
      ports: ['9092:9092'],
      environment: {
        KAFKA_NODE_ID: 1,
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:
          'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT',
        KAFKA_ADVERTISED_LISTENERS:
          'PLAINTEXT://broker:29092,PLAINTEXT_HOST://localhost:9092',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@broker:29093',
        KAFKA_LISTENERS:
          'PLAINTEXT://broker:29092,CONTROLLER://broker:29093,PLAINTEXT_HOST://0.0.0.0:9092',
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1,
        CLUSTER_ID: 'MkU3OEVBNTcwNTJENDM2Qk',
      },
    };
  }
  const services = { kafka };
  if (d.topics)
    services['create-topics'] = {
      image: kafka.image,
      depends_on: ['kafka'],
      command: [
        'bash',
        '-c',
        d.topics
          .map(
            t =>
              `kafka-topics --bootstrap-server kafka:29092 --create --if-not-exists --topic ${t}`,
          )
          .join(' && '),
      ],
    };
  return {
    files: {
      [d.file]: toYaml({
        services,
        volumes: d.image === 'bitnami' ? { 'kafka-data': {} } : undefined,
      }),
    },
    secrets,
  };
}
