/**
 * How a facet's values compare, which decides how deviation is measured:
 * rarity for nominal values, distance for versions, order for ordinal ones.
 *
 * @public
 */
export type FacetKind =
  | 'nominal'
  | 'ordinal'
  | 'version'
  | 'boolean'
  | 'numeric';

/**
 * A configuration dimension of a platform's deployments (version, backup,
 * topology…), with what the analysis needs to know about it.
 *
 * @public
 */
export interface FacetDefinition {
  /** Stable id used in APIs and reference architectures, e.g. `backup`. */
  id: string;
  title: string;
  kind: FacetKind;
  /**
   * How much the fleet should agree on this facet, in [0, 1]: backup and TLS
   * 1.0, version 0.7, size 0.2, region 0.05. Drives the snowflake score.
   */
  weight: number;
  /**
   * Values from worst to best, where one is objectively better (e.g. backup
   * `none` < `snapshot` < `continuous`). A deviation towards a better value is
   * a positive deviant, not a fault. Booleans use `[false, true]`. An entry
   * may be a tier of equally good values, e.g. authentication
   * `['none', 'password', ['scram', 'x509', 'iam']]`.
   */
  better?: Array<string | boolean | Array<string | boolean>>;
  /**
   * Values no standard accepts (authentication `none`, TLS `false`), for
   * facets whose other values have no single order (scram vs x509). A
   * majority holding one is "consensus below standard".
   */
  unacceptable?: Array<string | boolean>;
  /**
   * Context facets (environment, hosting) form peer groups instead of being
   * compared: a staging cluster is not a snowflake for lacking production HA.
   * When too few deployments share all of a deployment's context, soft
   * contexts are dropped, last first; a `strict` context never is — with too
   * few peers that share it, the deployment is not scored at all.
   */
  context?: boolean | 'strict';
  description?: string;
}

/**
 * A vendor platform whose deployments are tracked.
 *
 * @public
 */
export interface PlatformDefinition {
  /** Stable id, e.g. `mongodb`. */
  id: string;
  title: string;
  vendor?: string;
  description?: string;
  facets: FacetDefinition[];
}

/**
 * Environments a deployment runs in: the `environment` context facet.
 * Detectors normalise what repositories write (`prod`, `stg`, `uat`…) to these.
 *
 * @public
 */
export type DeploymentEnvironment =
  | 'production'
  | 'staging'
  | 'development'
  | 'test';

/** @public */
export const DEPLOYMENT_ENVIRONMENTS: readonly DeploymentEnvironment[] = [
  'production',
  'staging',
  'development',
  'test',
];

/**
 * Where a deployment runs: the `hosting` context facet.
 *
 * @public
 */
export type DeploymentHosting =
  | 'atlas'
  | 'aws-rds'
  | 'aws-aurora'
  | 'gcp-cloudsql'
  | 'azure-flexible'
  | 'kubernetes'
  | 'docker';

/**
 * How much of a deployment's data can be restored, worst to best: no
 * backup, scheduled snapshots or dumps, point-in-time capable backup.
 *
 * @public
 */
export type BackupLevel = 'none' | 'snapshot' | 'continuous';

/** @public */
export const BACKUP_LEVELS: readonly BackupLevel[] = [
  'none',
  'snapshot',
  'continuous',
];

/**
 * How a deployment is declared: the `provisioning` facet.
 *
 * @public
 */
export type Provisioning =
  | 'terraform'
  | 'helm'
  | 'operator'
  | 'compose'
  | 'kubernetes-manifest';

/**
 * Facet ids every built-in database platform uses, so analysis and UI can
 * name them without repeating strings.
 *
 * @public
 */
export const COMMON_FACET_IDS = {
  version: 'version',
  hosting: 'hosting',
  environment: 'environment',
  topology: 'topology',
  replicas: 'replicas',
  backup: 'backup',
  backupTool: 'backupTool',
  monitoring: 'monitoring',
  authentication: 'authentication',
  tls: 'tls',
  region: 'region',
  provisioning: 'provisioning',
  client: 'client',
  clientVersion: 'clientVersion',
} as const;
