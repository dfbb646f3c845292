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

// Confluent's KRaft quick start, with a topic-creating init job.
const CONFLUENT_KRAFT = `services:
  broker:
    image: confluentinc/cp-kafka:7.6.1
    hostname: broker
    ports:
      - "9092:9092"
    environment:
      KAFKA_NODE_ID: 1
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT'
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://broker:29092,PLAINTEXT_HOST://localhost:9092'
      KAFKA_PROCESS_ROLES: 'broker,controller'
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@broker:29093'
      KAFKA_LISTENERS: 'PLAINTEXT://broker:29092,CONTROLLER://broker:29093,PLAINTEXT_HOST://0.0.0.0:9092'
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER'
      KAFKA_LOG_DIRS: '/tmp/kraft-combined-logs'
      CLUSTER_ID: 'MkU3OEVBNTcwNTJENDM2Qk'
  init-topics:
    image: confluentinc/cp-kafka:7.6.1
    depends_on: [broker]
    command: ["bash", "-c", "kafka-topics --bootstrap-server broker:29092 --create --if-not-exists --topic orders"]
`;

describe('Kafka from Compose', () => {
  it('reads a Confluent Platform KRaft node, translating the Confluent release', () => {
    const deployment = onlyServer(
      detect({ 'docker-compose.yml': CONFLUENT_KRAFT }),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'docker',
      provisioning: 'compose',
      environment: 'development',
      version: '3.6',
      mode: 'kraft',
      brokers: 1,
      storage: 'ephemeral',
      tls: false,
      authentication: 'none',
      monitoring: 'none',
    });
    expect(deployment.facets.version.evidence.note).toBe(
      'Confluent Platform 7.6.1 ships Apache Kafka 3.6',
    );
    expect(deployment.facets.tls.evidence).toMatchObject({
      line: lineOf(CONFLUENT_KRAFT, 'KAFKA_ADVERTISED_LISTENERS'),
      note: 'listener PLAINTEXT is plain text',
    });
  });

  it('groups the brokers of a ZooKeeper cluster and reads SASL_SSL with volumes', () => {
    const result = detect({
      'deploy/compose.staging.yaml': `services:
  zookeeper:
    image: bitnami/zookeeper:3.9
  kafka-0:
    image: bitnami/kafka:3.6.2
    environment:
      - KAFKA_CFG_ZOOKEEPER_CONNECT=zookeeper:2181
      - KAFKA_CFG_LISTENERS=SASL_SSL://:9093
      - KAFKA_CFG_ADVERTISED_LISTENERS=SASL_SSL://kafka-0:9093
      - KAFKA_CFG_SASL_ENABLED_MECHANISMS=SCRAM-SHA-512
      - KAFKA_CLIENT_PASSWORDS=\${KAFKA_PASSWORD}
    volumes:
      - kafka0:/bitnami/kafka
  kafka-1:
    image: bitnami/kafka:3.6.2
    environment:
      - KAFKA_CFG_ZOOKEEPER_CONNECT=zookeeper:2181
      - KAFKA_CFG_LISTENERS=SASL_SSL://:9093
      - KAFKA_CFG_ADVERTISED_LISTENERS=SASL_SSL://kafka-1:9093
      - KAFKA_CFG_SASL_ENABLED_MECHANISMS=SCRAM-SHA-512
    volumes:
      - type: volume
        source: kafka1
        target: /bitnami/kafka
  kafka-exporter:
    image: danielqsj/kafka-exporter:v1.7.0
    command: ["--kafka.server=kafka-0:9093"]
volumes:
  kafka0: {}
  kafka1: {}
`,
    });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toEqual({
      hosting: 'docker',
      provisioning: 'compose',
      environment: 'staging',
      version: '3.6.2',
      mode: 'zookeeper',
      brokers: 2,
      storage: 'persistent',
      tls: true,
      authentication: 'scram',
      monitoring: 'prometheus',
    });
    expect(deployment.name).toBe('kafka-0');
  });

  it('reads the Apache image with its defaults, and leaves unresolved listeners unknown', () => {
    const result = detect({
      'compose.yaml': `services:
  kafka:
    image: apache/kafka:3.9.0
    ports: ["9092:9092"]
`,
      'local/docker-compose.yml': `services:
  kafka:
    image: apache/kafka-native:\${KAFKA_TAG:-3.9.0}
    environment:
      KAFKA_LISTENERS: \${LISTENERS}
`,
    });
    const [plain, unresolved] = result.deployments;
    expect(facetValues(plain)).toMatchObject({
      version: '3.9.0',
      mode: 'kraft',
      brokers: 1,
      storage: 'ephemeral',
      tls: false,
      authentication: 'none',
    });
    expect(plain.facets.tls.evidence.note).toContain('image default');
    expect(facetValues(unresolved)).toMatchObject({
      version: UNKNOWN,
      tls: UNKNOWN,
      authentication: UNKNOWN,
    });
  });
});
