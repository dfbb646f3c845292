import { postgresqlPlatform } from '@platform-adoption/plugin-platform-adoption-node';
import { PlatformRenderer } from '../../rendering/types';
import { cloudNativePgForm } from './cloudNativePg';
import { rdsTerraformForm } from './rdsTerraform';

/** PostgreSQL: CloudNativePG on Kubernetes first, then Amazon RDS through Terraform. */
export const postgresqlRenderer: PlatformRenderer = {
  platform: postgresqlPlatform,
  resource: { type: 'database', tags: ['postgresql'] },
  choices: {
    region: {
      facet: 'region',
      title: 'Region',
      description:
        'AWS region of the instance, e.g. eu-west-2 (managed forms only).',
    },
    size: {
      facet: 'instanceClass',
      title: 'Instance class',
      description:
        'RDS instance class, e.g. db.r6g.large. Leave empty for the standard class of the environment.',
    },
  },
  forms: [cloudNativePgForm, rdsTerraformForm],
};
