/**
 * How a facet's values compare, which decides how deviation is measured:
 * rarity for nominal values, distance for versions, order for ordinal ones.
 *
 * @public
 */
export type FacetKind = 'nominal' | 'ordinal' | 'version' | 'boolean' | 'numeric';

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
   * a positive deviant, not a fault. Booleans use `[false, true]`.
   */
  better?: Array<string | boolean>;
  /**
   * Context facets (environment, hosting) form peer groups instead of being
   * compared: a staging cluster is not a snowflake for lacking production HA.
   */
  context?: boolean;
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
