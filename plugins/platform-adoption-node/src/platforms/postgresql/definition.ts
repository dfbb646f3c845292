import { PlatformDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import {
  authenticationFacet,
  databaseFacets,
} from '../shared/facetDefinitions';

/** @public */
export const POSTGRESQL_PLATFORM_ID = 'postgresql';

/**
 * PostgreSQL as Platform Adoption tracks it: managed services (RDS,
 * Aurora, Cloud SQL, Azure), Kubernetes operators, Helm charts, plain
 * containers, and the drivers applications use.
 *
 * @public
 */
export const postgresqlPlatform: PlatformDefinition = {
  id: POSTGRESQL_PLATFORM_ID,
  title: 'PostgreSQL',
  vendor: 'PostgreSQL Global Development Group',
  description:
    'Relational database: managed PostgreSQL services and self-hosted PostgreSQL.',
  facets: [
    ...databaseFacets(
      // Passwords (scram-sha-256, md5) beat trust; certificates, cloud
      // identities and directories leave no long-lived password to leak.
      authenticationFacet(
        [
          'none',
          ['password', 'pam', 'radius'],
          ['x509', 'iam', 'ldap', 'kerberos', 'azure-ad'],
        ],
        'none, or the method (password for scram-sha-256/md5, x509, iam, ldap, azure-ad…); several joined with "+".',
      ),
    ),
    {
      id: 'topology',
      title: 'Topology',
      kind: 'ordinal',
      weight: 0.6,
      // Without a standby there is no automated failover.
      better: ['standalone', 'replicated'],
      description: 'standalone or replicated.',
    },
    {
      id: 'operator',
      title: 'Kubernetes operator',
      kind: 'nominal',
      weight: 0.3,
      description: 'cnpg, zalando or crunchy.',
    },
    {
      id: 'instanceClass',
      title: 'Instance class',
      kind: 'nominal',
      weight: 0.2,
      description:
        'The managed service size (db.r6g.large, db-custom-2-7680, GP_Standard_D2s_v3).',
    },
    {
      id: 'storageEncrypted',
      title: 'Storage encrypted',
      kind: 'boolean',
      weight: 0.8,
      better: [false, true],
    },
  ],
};
