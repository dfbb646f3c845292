import { kafkaPlatform } from '@platform-adoption/plugin-platform-adoption-node';
import { PlatformRenderer } from '../../rendering/types';
import { mskTerraformForm } from './mskTerraform';
import { strimziForm } from './strimzi';

/** Apache Kafka: Strimzi on Kubernetes first, then Amazon MSK through Terraform. */
export const kafkaRenderer: PlatformRenderer = {
  platform: kafkaPlatform,
  resource: { type: 'kafka-cluster', tags: ['kafka'] },
  choices: {
    region: {
      facet: 'region',
      title: 'Region',
      description: 'AWS region of the cluster, e.g. eu-west-2 (MSK only).',
    },
    size: {
      facet: 'instanceSize',
      title: 'Broker instance type',
      description:
        'MSK broker instance type, e.g. kafka.m7g.large. Leave empty for the standard type of the environment.',
    },
  },
  forms: [strimziForm, mskTerraformForm],
};
