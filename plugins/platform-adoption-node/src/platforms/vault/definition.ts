import { PlatformDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import {
  BACKUP_FACETS,
  CLIENT_FACETS,
  ENVIRONMENT_FACET,
  HOSTING_FACET,
  MONITORING_FACET,
  PROVISIONING_FACET,
  REPLICAS_FACET,
  REQUIRED_TLS_FACET,
  VERSION_FACET,
} from '../shared/facetDefinitions';

/** @public */
export const VAULT_PLATFORM_ID = 'vault';

/** Seals that unseal from a key service instead of people typing Shamir shares. */
export const AUTO_UNSEAL_SEALS = [
  'awskms',
  'gcpckms',
  'azurekeyvault',
  'transit',
  'pkcs11',
  'ocikms',
  'alicloudkms',
  'kmip',
];

/**
 * HashiCorp Vault as Platform Adoption tracks it: servers installed with
 * the official Helm chart or Compose, their configuration through the
 * Terraform `vault` provider, the workloads that receive secrets from the
 * agent injector, and the client libraries applications use.
 *
 * @public
 */
export const vaultPlatform: PlatformDefinition = {
  id: VAULT_PLATFORM_ID,
  title: 'HashiCorp Vault',
  vendor: 'HashiCorp',
  description:
    'Secrets management: self-hosted Vault clusters and their clients.',
  facets: [
    VERSION_FACET,
    HOSTING_FACET,
    ENVIRONMENT_FACET,
    {
      id: 'topology',
      title: 'Topology',
      kind: 'ordinal',
      weight: 0.6,
      better: ['standalone', 'ha'],
      description:
        'standalone (one server) or ha (a cluster with a leader and standbys).',
    },
    REPLICAS_FACET,
    {
      id: 'storage',
      title: 'Storage backend',
      kind: 'nominal',
      weight: 0.6,
      description:
        'The `storage` stanza: raft (integrated storage), consul, file, inmem (dev mode), postgresql, s3…',
    },
    {
      id: 'seal',
      title: 'Seal',
      kind: 'nominal',
      weight: 0.6,
      // Auto-unseal restarts without people holding key shares.
      better: ['shamir', AUTO_UNSEAL_SEALS],
      description:
        'shamir (the default: key shares) or an auto-unseal seal (awskms, gcpckms, azurekeyvault, transit…).',
    },
    {
      id: 'audit',
      title: 'Audit devices',
      kind: 'nominal',
      weight: 0.9,
      // Vault stops answering when its only audit device fails; HashiCorp
      // recommends two, so two devices beat one.
      better: [
        'none',
        ['file', 'syslog', 'socket'],
        ['file+syslog', 'file+socket', 'socket+syslog', 'file+socket+syslog'],
      ],
      unacceptable: ['none'],
      description:
        'none, or the audit devices enabled (file, syslog, socket); several joined with "+".',
    },
    {
      id: 'authentication',
      title: 'Auth methods',
      kind: 'nominal',
      weight: 0.5,
      description:
        'The auth methods enabled besides tokens (kubernetes, oidc, approle, ldap, aws…), joined with "+"; token when none is.',
    },
    REQUIRED_TLS_FACET,
    ...BACKUP_FACETS,
    MONITORING_FACET,
    {
      id: 'injector',
      title: 'Agent injector',
      kind: 'boolean',
      weight: 0.1,
      description: 'Whether the Helm release runs the agent injector webhook.',
    },
    PROVISIONING_FACET,
    ...CLIENT_FACETS,
    {
      id: 'role',
      title: 'Vault role',
      kind: 'nominal',
      weight: 0,
      description:
        'For agent-injector clients: the role the agent logs in with.',
    },
  ],
};
