import { FacetDefinition } from '@platform-adoption/plugin-platform-adoption-common';

/**
 * Facets both built-in database platforms share, with the uniformity
 * weights of the design (backup and TLS 1.0, version 0.7, size 0.2,
 * region 0.05). Platform definitions add their own.
 */
export const DATABASE_FACETS: FacetDefinition[] = [
  {
    id: 'version',
    title: 'Server version',
    kind: 'version',
    weight: 0.7,
    description:
      'The server version as written (7.0, 16.4). A Helm chart version is never taken for it.',
  },
  {
    id: 'hosting',
    title: 'Hosting',
    kind: 'nominal',
    weight: 0,
    context: true,
    description:
      'atlas, aws-rds, aws-aurora, gcp-cloudsql, azure-flexible, kubernetes or docker.',
  },
  {
    id: 'environment',
    title: 'Environment',
    kind: 'nominal',
    weight: 0,
    context: true,
    description:
      'production, staging, development or test, from labels, tags, variables, namespace or file names.',
  },
  {
    id: 'replicas',
    title: 'Data-bearing members',
    kind: 'numeric',
    weight: 0.4,
  },
  {
    id: 'backup',
    title: 'Backup',
    kind: 'ordinal',
    weight: 1.0,
    better: ['none', 'snapshot', 'continuous'],
    description:
      'none; snapshot (scheduled dumps or snapshots); continuous (point-in-time capable).',
  },
  { id: 'backupTool', title: 'Backup tool', kind: 'nominal', weight: 0.3 },
  {
    id: 'monitoring',
    title: 'Monitoring',
    kind: 'nominal',
    weight: 0.6,
    description:
      'none, or the method configured beyond the platform built-ins (prometheus, datadog, performance-insights…); several joined with "+".',
  },
  {
    id: 'authentication',
    title: 'Authentication',
    kind: 'nominal',
    weight: 0.9,
    description:
      'none, or the method (scram, x509, iam, ldap, password, azure-ad…); several joined with "+".',
  },
  {
    id: 'tls',
    title: 'TLS',
    kind: 'boolean',
    weight: 1.0,
    better: [false, true],
  },
  { id: 'region', title: 'Region', kind: 'nominal', weight: 0.05 },
  {
    id: 'provisioning',
    title: 'Provisioning',
    kind: 'nominal',
    weight: 0.3,
    description: 'terraform, helm, operator, compose or kubernetes-manifest.',
  },
  {
    id: 'client',
    title: 'Client library',
    kind: 'nominal',
    weight: 0.1,
    description:
      'For client deployments: the driver or ODM a manifest declares.',
  },
  {
    id: 'clientVersion',
    title: 'Client library version',
    kind: 'version',
    weight: 0.3,
  },
];
