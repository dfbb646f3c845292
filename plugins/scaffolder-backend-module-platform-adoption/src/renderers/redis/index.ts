import { redisPlatform } from '@platform-adoption/plugin-platform-adoption-node';
import { PlatformRenderer } from '../../rendering/types';
import { elastiCacheForm } from './elasticacheTerraform';

/** Redis (and Valkey): Amazon ElastiCache through Terraform. */
export const redisRenderer: PlatformRenderer = {
  platform: redisPlatform,
  resource: { type: 'redis', tags: ['redis'] },
  choices: {
    region: {
      facet: 'region',
      title: 'Region',
      description: 'AWS region of the cache, e.g. eu-west-2.',
    },
    size: {
      facet: 'instanceSize',
      title: 'Node type',
      description:
        'ElastiCache node type, e.g. cache.r7g.large. Leave empty for the standard type of the environment.',
    },
  },
  forms: [elastiCacheForm],
};
