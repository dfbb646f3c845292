import { mongodbPlatform } from '@platform-adoption/plugin-platform-adoption-node';
import { PlatformRenderer } from '../../rendering/types';
import { atlasTerraformForm } from './atlasTerraform';
import { communityOperatorForm, enterpriseOperatorForm } from './operators';

/**
 * MongoDB: Atlas through Terraform first, then the Community operator, then
 * the Enterprise operator (for continuous backup or sharding on Kubernetes).
 */
export const mongodbRenderer: PlatformRenderer = {
  platform: mongodbPlatform,
  resource: { type: 'database', tags: ['mongodb'] },
  choices: {
    region: {
      facet: 'region',
      title: 'Region',
      description:
        'Cloud region of the cluster, e.g. eu-west-2 (Atlas writes it EU_WEST_2).',
    },
    size: {
      facet: 'instanceSize',
      title: 'Cluster tier',
      description:
        'Atlas cluster tier, e.g. M10, M30. Leave empty for the standard tier of the environment.',
    },
  },
  forms: [atlasTerraformForm, communityOperatorForm, enterpriseOperatorForm],
};
