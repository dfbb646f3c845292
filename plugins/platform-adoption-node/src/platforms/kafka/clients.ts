import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  ClientLibrary,
  detectClientLibraries,
} from '../shared/clientLibraries';
import { KAFKA_PLATFORM_ID } from './definition';

/** Kafka client libraries, per ecosystem. */
export const KAFKA_CLIENT_LIBRARIES: ClientLibrary[] = [
  { ecosystem: 'npm', name: 'kafkajs' },
  { ecosystem: 'npm', name: 'node-rdkafka' },
  { ecosystem: 'npm', name: '@confluentinc/kafka-javascript' },
  { ecosystem: 'maven', name: 'org.apache.kafka:kafka-clients' },
  { ecosystem: 'maven', name: 'org.apache.kafka:kafka-streams' },
  { ecosystem: 'maven', name: 'org.springframework.kafka:spring-kafka' },
  { ecosystem: 'pypi', name: 'confluent-kafka' },
  { ecosystem: 'pypi', name: 'kafka-python' },
  { ecosystem: 'pypi', name: 'aiokafka' },
  { ecosystem: 'go', name: 'github.com/segmentio/kafka-go' },
  {
    ecosystem: 'go',
    name: name =>
      /^github\.com\/confluentinc\/confluent-kafka-go(\/v\d+)?$/.test(name),
  },
  // Sarama moved from Shopify to IBM in 2023; both paths are in use.
  { ecosystem: 'go', name: 'github.com/IBM/sarama' },
  { ecosystem: 'go', name: 'github.com/Shopify/sarama' },
  { ecosystem: 'go', name: 'github.com/twmb/franz-go' },
  { ecosystem: 'rubygems', name: 'ruby-kafka' },
  { ecosystem: 'rubygems', name: 'rdkafka' },
  { ecosystem: 'rubygems', name: 'karafka' },
];

/** Applications using Kafka through a client library, from their package manifests. */
export function detectKafkaClients(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return detectClientLibraries(repo, KAFKA_PLATFORM_ID, KAFKA_CLIENT_LIBRARIES);
}
