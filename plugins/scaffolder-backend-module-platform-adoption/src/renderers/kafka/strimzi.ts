import {
  count,
  fixed,
  methods,
  methodsOf,
  oneOfValues,
  version,
} from '../../rendering/capabilities';
import { kubernetesMetadata } from '../../rendering/kubernetes';
import { header, yamlDocuments } from '../../rendering/text';
import { FormRenderInput, RenderForm } from '../../rendering/types';

/** Kafka releases Strimzi runs (oldest first). */
const STRIMZI_KAFKA_RELEASES = ['3.8.0', '3.9.0', '4.0.0'];

/** A listener per authentication method clients may use. */
const LISTENERS: Record<
  string,
  { name: string; port: number; authentication: object }
> = {
  scram: {
    name: 'scram',
    port: 9093,
    authentication: { type: 'scram-sha-512' },
  },
  x509: { name: 'mtls', port: 9094, authentication: { type: 'tls' } },
  oauth: {
    name: 'oauth',
    port: 9095,
    authentication: {
      type: 'oauth',
      validIssuerUri: 'https://sso.internal/realms/kafka',
      jwksEndpointUri:
        'https://sso.internal/realms/kafka/protocol/openid-connect/certs',
      userNameClaim: 'preferred_username',
    },
  },
};

function withClusterLabel(
  input: FormRenderInput,
  name: string,
  cluster: string,
) {
  const metadata = kubernetesMetadata(input, name);
  return {
    ...metadata,
    labels: { ...metadata.labels, 'strimzi.io/cluster': cluster },
  };
}

/**
 * A Strimzi `Kafka` cluster in KRaft mode with its `KafkaNodePool`s
 * (controllers, brokers), one TLS listener per authentication method, rack
 * awareness over zones and Prometheus metrics.
 */
export const strimziForm: RenderForm = {
  id: 'strimzi',
  title: 'Strimzi operator (Kubernetes)',
  resourceTags: ['kubernetes', 'strimzi'],
  facets: {
    provisioning: fixed('operator'),
    version: version({
      known: STRIMZI_KAFKA_RELEASES,
      writable: v => /^\d+\.\d+\.\d+$/.test(v),
    }),
    // ZooKeeper is gone from Strimzi 0.46 and Kafka 4: a golden path starts on KRaft.
    mode: fixed('kraft'),
    brokers: count({ min: 1, max: 50, preferred: [3] }),
    storage: oneOfValues(['persistent', 'ephemeral']),
    // Rack awareness spreads replicas over zones; without it the detector cannot say.
    availability: fixed('multi-zone'),
    authentication: methods({
      methods: Object.keys(LISTENERS),
      preferred: ['scram'],
      allowNone: false,
    }),
    tls: oneOfValues([true, false]),
    monitoring: oneOfValues(['prometheus', 'none']),
  },
  render(input) {
    const { request, values, referenceTag } = input;
    const cluster = `${request.name}-kafka`;
    const brokers = Number(values.brokers);
    const production = request.environment === 'production';
    const storage =
      values.storage === 'persistent'
        ? {
            type: 'persistent-claim',
            size: production ? '100Gi' : '20Gi',
            deleteClaim: false,
          }
        : { type: 'ephemeral' };
    const replication = Math.min(3, brokers);
    const kafka = {
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'Kafka',
      metadata: {
        ...kubernetesMetadata(input, cluster),
        annotations: {
          'strimzi.io/node-pools': 'enabled',
          'strimzi.io/kraft': 'enabled',
        },
      },
      spec: {
        kafka: {
          version: values.version,
          listeners: methodsOf(values.authentication).map(method => ({
            name: LISTENERS[method].name,
            port: LISTENERS[method].port,
            type: 'internal',
            tls: values.tls,
            authentication: LISTENERS[method].authentication,
          })),
          authorization: { type: 'simple' },
          rack: { topologyKey: 'topology.kubernetes.io/zone' },
          config: {
            'default.replication.factor': replication,
            'min.insync.replicas': Math.max(1, replication - 1),
            'offsets.topic.replication.factor': replication,
            'transaction.state.log.replication.factor': replication,
            'transaction.state.log.min.isr': Math.max(1, replication - 1),
          },
          ...(values.monitoring === 'prometheus'
            ? {
                metricsConfig: {
                  type: 'jmxPrometheusExporter',
                  valueFrom: {
                    configMapKeyRef: {
                      name: `${cluster}-metrics`,
                      key: 'kafka-metrics-config.yml',
                    },
                  },
                },
              }
            : {}),
        },
        entityOperator: { topicOperator: {}, userOperator: {} },
      },
    };
    const pool = (name: string, role: string, replicas: number) => ({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaNodePool',
      metadata: withClusterLabel(input, name, cluster),
      spec: { replicas, roles: [role], storage },
    });
    return [
      {
        path: 'deploy/kafka/kafka.yaml',
        content: `${header(
          '#',
          referenceTag,
          `Kafka cluster for ${request.name} (${request.environment}).`,
        )}${yamlDocuments(
          kafka,
          pool(`${cluster}-controllers`, 'controller', 3),
          pool(`${cluster}-brokers`, 'broker', brokers),
        )}`,
      },
    ];
  },
};
