import { FacetDefinition } from '@platform-adoption/plugin-platform-adoption-common';

/*
 * Facets the built-in platforms share, with the uniformity weights of the
 * design (backup and TLS 1.0, version 0.7, size 0.2, region 0.05). Each
 * platform's definition composes them and adds its own, so one facet id
 * means the same thing (and is normalised the same way) on every platform.
 */

export const VERSION_FACET: FacetDefinition = {
  id: 'version',
  title: 'Server version',
  kind: 'version',
  weight: 0.7,
  description:
    'The server version as written (7.0, 16.4). A Helm chart version is never taken for it.',
};

/**
 * Where a deployment runs. A soft context: with too few peers on the same
 * hosting, a deployment is compared with the platform's other deployments
 * of its environment rather than not at all.
 */
export const HOSTING_FACET: FacetDefinition = {
  id: 'hosting',
  title: 'Hosting',
  kind: 'nominal',
  weight: 0,
  context: true,
  description:
    'Where it runs: a managed service (atlas, aws-rds, aws-msk, aws-elasticache…), kubernetes or docker.',
};

/**
 * A strict context: a development deployment must never be judged by
 * production peers (nor the other way round), so with too few peers in its
 * own environment a deployment is not scored at all.
 */
export const ENVIRONMENT_FACET: FacetDefinition = {
  id: 'environment',
  title: 'Environment',
  kind: 'nominal',
  weight: 0,
  context: 'strict',
  description:
    'production, staging, development or test, from labels, tags, variables, namespace or file names.',
};

export const REPLICAS_FACET: FacetDefinition = {
  id: 'replicas',
  title: 'Data-bearing members',
  kind: 'numeric',
  weight: 0.4,
};

export const BACKUP_FACETS: FacetDefinition[] = [
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
];

export const MONITORING_FACET: FacetDefinition = {
  id: 'monitoring',
  title: 'Monitoring',
  kind: 'nominal',
  weight: 0.6,
  description:
    'none, or the method configured beyond the platform built-ins (prometheus, datadog, performance-insights…); several joined with "+".',
};

/**
 * Authentication with the platform's own order of methods: `none` is never
 * acceptable; the tiers say which methods are equally good.
 */
export function authenticationFacet(
  better: NonNullable<FacetDefinition['better']>,
  description: string,
  weight = 0.9,
): FacetDefinition {
  return {
    id: 'authentication',
    title: 'Authentication',
    kind: 'nominal',
    weight,
    better,
    unacceptable: ['none'],
    description,
  };
}

export const TLS_FACET: FacetDefinition = {
  id: 'tls',
  title: 'TLS',
  kind: 'boolean',
  weight: 1.0,
  better: [false, true],
};

/**
 * TLS for platforms whose traffic is credentials and secrets in transit
 * (brokers, caches holding sessions, a secrets manager): plain text is no
 * standard's choice, whatever the fleet does.
 */
export const REQUIRED_TLS_FACET: FacetDefinition = {
  ...TLS_FACET,
  unacceptable: [false],
};

export const REGION_FACET: FacetDefinition = {
  id: 'region',
  title: 'Region',
  kind: 'nominal',
  weight: 0.05,
};

export const PROVISIONING_FACET: FacetDefinition = {
  id: 'provisioning',
  title: 'Provisioning',
  kind: 'nominal',
  weight: 0.3,
  description: 'terraform, helm, operator, compose or kubernetes-manifest.',
};

export const CLIENT_FACETS: FacetDefinition[] = [
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

/** The managed service's size: an instance class, a node type, a tier. */
export function sizeFacet(id: string, description: string): FacetDefinition {
  return {
    id,
    title: 'Instance size',
    kind: 'nominal',
    weight: 0.2,
    description,
  };
}

/**
 * Facets both built-in database platforms share, in their historical
 * order; each passes its own authentication order.
 */
export function databaseFacets(
  authentication: FacetDefinition,
): FacetDefinition[] {
  return [
    VERSION_FACET,
    HOSTING_FACET,
    ENVIRONMENT_FACET,
    REPLICAS_FACET,
    ...BACKUP_FACETS,
    MONITORING_FACET,
    authentication,
    TLS_FACET,
    REGION_FACET,
    PROVISIONING_FACET,
    ...CLIENT_FACETS,
  ];
}
