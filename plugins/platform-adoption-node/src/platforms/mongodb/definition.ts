import { PlatformDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import { DATABASE_FACETS } from '../shared/facetDefinitions';

/** @public */
export const MONGODB_PLATFORM_ID = 'mongodb';

/**
 * MongoDB as Platform Adoption tracks it: Atlas clusters, self-hosted
 * servers on Kubernetes or Docker, and the drivers applications use.
 *
 * @public
 */
export const mongodbPlatform: PlatformDefinition = {
  id: MONGODB_PLATFORM_ID,
  title: 'MongoDB',
  vendor: 'MongoDB, Inc.',
  description: 'Document database: MongoDB Atlas and self-hosted MongoDB.',
  facets: [
    ...DATABASE_FACETS,
    {
      id: 'topology',
      title: 'Topology',
      kind: 'nominal',
      weight: 0.6,
      description: 'replicaset, sharded or standalone.',
    },
    { id: 'shards', title: 'Shards', kind: 'numeric', weight: 0.2 },
    {
      id: 'instanceSize',
      title: 'Instance size',
      kind: 'nominal',
      weight: 0.2,
      description: 'Atlas cluster tier (M0, M10, M30…).',
    },
    {
      id: 'provider',
      title: 'Cloud provider',
      kind: 'nominal',
      weight: 0.1,
      description:
        'aws, gcp or azure (for Atlas, the provider under the cluster).',
    },
  ],
};
