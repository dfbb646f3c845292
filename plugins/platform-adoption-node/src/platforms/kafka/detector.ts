import {
  ParsedRepository,
  TERRAFORM_GLOBS,
  YAML_GLOBS,
} from '../../detection/parsedRepository';
import { PlatformDetector } from '../../detection/types';
import { PACKAGE_MANIFEST_GLOBS } from '../../parsing/packageManifests';
import { detectKafkaClients } from './clients';
import { detectKafkaCompose } from './compose';
import { detectConfluentClusters } from './confluentTerraform';
import { kafkaPlatform } from './definition';
import { detectKafkaHelm } from './helm';
import { detectMskClusters } from './mskTerraform';
import { detectStrimziKafka } from './strimzi';

/**
 * The built-in Kafka detector: Strimzi (with its node pools), Amazon MSK
 * and Confluent Cloud (Terraform), Bitnami's Helm chart, Compose, and
 * client libraries.
 *
 * @public
 */
export const kafkaDetector: PlatformDetector = {
  platform: kafkaPlatform,
  entitySignals: {
    resourceTypes: ['kafka', 'kafka-cluster', 'msk', 'confluent-cloud'],
    tags: ['kafka', 'msk', 'strimzi', 'confluent'],
  },
  fileGlobs: [...TERRAFORM_GLOBS, ...YAML_GLOBS, ...PACKAGE_MANIFEST_GLOBS],
  detect(files) {
    const repo = ParsedRepository.of(files);
    const deployments = [
      ...detectStrimziKafka(repo),
      ...detectMskClusters(repo),
      ...detectConfluentClusters(repo),
      ...detectKafkaHelm(repo),
      ...detectKafkaCompose(repo),
      ...detectKafkaClients(repo),
    ];
    return { deployments, problems: repo.problems };
  },
};
