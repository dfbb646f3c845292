import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { kafkaDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [kafkaDetector]);

// A ZooKeeper-based cluster as Strimzi's examples write it (v1beta2).
const ZOOKEEPER_CLUSTER = `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: orders-events
  namespace: orders-prod
spec:
  kafka:
    version: 3.7.1
    replicas: 3
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
      - name: tls
        port: 9093
        type: internal
        tls: true
        authentication:
          type: tls
    config:
      offsets.topic.replication.factor: 3
      default.replication.factor: 3
      min.insync.replicas: 2
    storage:
      type: jbod
      volumes:
        - id: 0
          type: persistent-claim
          size: 100Gi
          deleteClaim: false
    metricsConfig:
      type: jmxPrometheusExporter
      valueFrom:
        configMapKeyRef:
          name: kafka-metrics
          key: kafka-metrics-config.yml
  zookeeper:
    replicas: 3
    storage:
      type: persistent-claim
      size: 10Gi
  entityOperator:
    topicOperator: {}
    userOperator: {}
`;

// KRaft with node pools, the pools in a file of their own.
const KRAFT_CLUSTER = `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: payments-bus
  namespace: payments
  labels:
    environment: production
  annotations:
    strimzi.io/node-pools: enabled
    strimzi.io/kraft: enabled
spec:
  kafka:
    version: 3.9.0
    metadataVersion: 3.9-IV0
    listeners:
      - name: tls
        port: 9093
        type: internal
        tls: true
        authentication:
          type: scram-sha-512
      - name: external
        port: 9094
        type: loadbalancer
        tls: true
        authentication:
          type: tls
    rack:
      topologyKey: topology.kubernetes.io/zone
    authorization:
      type: simple
  kafkaExporter:
    topicRegex: ".*"
`;
const POOLS = `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: controller
  namespace: payments
  labels:
    strimzi.io/cluster: payments-bus
spec:
  replicas: 3
  roles:
    - controller
  storage:
    type: persistent-claim
    size: 20Gi
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: broker-a
  namespace: payments
  labels:
    strimzi.io/cluster: payments-bus
spec:
  replicas: 3
  roles:
    - broker
  storage:
    type: jbod
    volumes:
      - id: 0
        type: persistent-claim
        size: 500Gi
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: broker-b
  namespace: payments
  labels:
    strimzi.io/cluster: payments-bus
spec:
  replicas: 2
  roles:
    - broker
  storage:
    type: persistent-claim
    size: 500Gi
---
# Another cluster's pool in the same namespace: not joined.
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: dual
  namespace: payments
  labels:
    strimzi.io/cluster: audit-bus
spec:
  replicas: 1
  roles: [controller, broker]
  storage:
    type: ephemeral
`;

describe('Kafka from Strimzi', () => {
  it('reads a ZooKeeper-based cluster with a plain listener', () => {
    const deployment = onlyServer(
      detect({ 'deploy/kafka/orders-events.yaml': ZOOKEEPER_CLUSTER }),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'operator',
      environment: 'production',
      version: '3.7.1',
      mode: 'zookeeper',
      brokers: 3,
      storage: 'persistent',
      tls: false,
      authentication: 'none',
      monitoring: 'prometheus',
    });
    expect(deployment.facets.tls.evidence).toMatchObject({
      path: 'deploy/kafka/orders-events.yaml',
      line: lineOf(ZOOKEEPER_CLUSTER, '- name: plain'),
      note: 'listener plain (internal:9092) is plain text',
    });
    expect(deployment.facets.mode.evidence).toMatchObject({
      line: lineOf(ZOOKEEPER_CLUSTER, 'zookeeper:'),
    });
    expect(deployment.name).toBe('orders-events');
  });

  it('joins the node pools of a KRaft cluster split across files', () => {
    const result = detect({
      'kafka/base/kafka.yaml': KRAFT_CLUSTER,
      'kafka/base/node-pools.yaml': POOLS,
    });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'operator',
      environment: 'production',
      version: '3.9.0',
      mode: 'kraft',
      brokers: 5,
      storage: 'persistent',
      availability: 'multi-zone',
      tls: true,
      authentication: 'scram+x509',
      monitoring: 'prometheus',
    });
    expect(deployment.files).toEqual([
      'kafka/base/kafka.yaml',
      'kafka/base/node-pools.yaml',
    ]);
    expect(deployment.facets.brokers.evidence).toMatchObject({
      path: 'kafka/base/node-pools.yaml',
      note: 'KafkaNodePool broker-a, broker-b (broker role)',
    });
    expect(deployment.facets.mode.evidence).toMatchObject({
      line: lineOf(KRAFT_CLUSTER, 'strimzi.io/kraft'),
    });
  });

  it('takes ephemeral broker pools, oauth listeners and Flux-substituted versions as they are', () => {
    const deployment = onlyServer(
      detect({
        'clusters/dev/kafka.yaml': `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: sandbox
  namespace: data-dev
spec:
  kafka:
    version: \${KAFKA_VERSION}
    listeners:
      - name: sso
        port: 9093
        type: internal
        tls: true
        authentication:
          type: oauth
          validIssuerUri: https://sso.example.com/realms/kafka
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: dual-role
  namespace: data-dev
  labels:
    strimzi.io/cluster: sandbox
spec:
  replicas: 1
  roles: [controller, broker]
  storage:
    type: ephemeral
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      environment: 'development',
      version: UNKNOWN,
      mode: 'kraft',
      brokers: 1,
      storage: 'ephemeral',
      tls: true,
      authentication: 'oauth',
      monitoring: 'none',
    });
    expect(deployment.facets.version.evidence.note).toBe(
      'unresolved: ${KAFKA_VERSION}',
    );
    expect(deployment.facets.mode.evidence.note).toBe(
      'KafkaNodePool dual-role has the controller role',
    );
  });

  it('reads the version from a Strimzi image tag and marks a ZooKeeper migration', () => {
    const deployment = onlyServer(
      detect({
        'kafka.yaml': `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: legacy
  annotations:
    strimzi.io/kraft: migration
spec:
  kafka:
    image: quay.io/strimzi/kafka:0.45.0-kafka-3.8.1
    replicas: 3
    listeners:
      - { name: tls, port: 9093, type: internal, tls: true, authentication: { type: scram-sha-512 } }
    storage:
      type: ephemeral
  zookeeper:
    replicas: 3
    storage: { type: ephemeral }
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: '3.8.1',
      mode: 'zookeeper',
      brokers: 3,
      storage: 'ephemeral',
      tls: true,
      authentication: 'scram',
      environment: UNKNOWN,
    });
    expect(deployment.facets.mode.evidence.note).toContain('migrating');
  });

  it('says when node pools are enabled but none is in the repository', () => {
    const deployment = onlyServer(
      detect({
        'kafka.yaml': KRAFT_CLUSTER,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      brokers: UNKNOWN,
      storage: UNKNOWN,
    });
  });
});
