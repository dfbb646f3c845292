import { PlatformDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import {
  authenticationFacet,
  databaseFacets,
} from '../shared/facetDefinitions';

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
    ...databaseFacets(
      // SCRAM users, certificates, cloud identities and directories are all
      // a standard's choice; only running without access control is not.
      authenticationFacet(
        ['none', ['scram', 'x509', 'iam', 'ldap', 'oidc']],
        'none, or the method (scram, x509, iam, ldap, oidc); several joined with "+".',
      ),
    ),
    {
      id: 'topology',
      title: 'Topology',
      kind: 'ordinal',
      weight: 0.6,
      // A lone mongod has no failover: worse than either kind of cluster.
      better: ['standalone', ['replicaset', 'sharded']],
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
