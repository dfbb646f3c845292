import { FacetScalar } from '../domain/deployment';

/** What the analysis needs of a deployment: facets reduced to plain values. */
export interface AnalysisDeployment {
  id: string;
  teamRef?: string;
  /**
   * Deployments with the same lineage and identical facets count once in a
   * consensus, so copy-paste cannot make a false majority: the repository,
   * or the golden-path template it was created from.
   */
  lineage?: string;
  /** Known values only; unknown or missing facets are left out. */
  facets: Record<string, FacetScalar>;
}

/** A published standard's requirement on one facet. */
export type FacetRequirement =
  | { equals: FacetScalar }
  | { oneOf: FacetScalar[] }
  /** e.g. `>=7.0` or `>=15 <17`: space-separated comparators on versions. */
  | { versionRange: string };

/**
 * The knobs of the analysis. Defaults follow the design: kmin 5, a
 * consensus needs half the peers, values held by over 20% are legitimate,
 * pair rules need 90% confidence.
 */
export interface AnalysisOptions {
  kmin: number;
  consensusSupport: number;
  legitimateShare: number;
  ruleConfidence: number;
  /** Score from which a deployment is reported as a snowflake. */
  snowflakeThreshold: number;
  /** Score from which a better-than-consensus deployment is a positive deviant. */
  exemplarThreshold: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = {
  kmin: 5,
  consensusSupport: 0.5,
  legitimateShare: 0.2,
  ruleConfidence: 0.9,
  // One full deviation on a facet of weight ≥ 0.5 clears it; decoys that
  // differ on region and size (weights 0.05 and 0.2) stay well below.
  snowflakeThreshold: 0.06,
  exemplarThreshold: 0.05,
};

/** "11 of 13 peers". */
export interface Support {
  count: number;
  of: number;
}

/** A facet's consensus within a peer group. */
export interface FacetConsensus {
  facet: string;
  value: FacetScalar;
  support: Support;
  /** 1 − H/log2(C): 1 when everyone agrees, 0 when values are spread evenly. */
  strength: number;
  /** Set when the majority is below the standard (a `better` order or the published reference). */
  standard?: { value: FacetScalar | string; source: 'better-order' | 'reference' };
}

/** A mined rule "when A is a, B is b" and how sure the fleet is of it. */
export interface PairRule {
  if: { facet: string; value: FacetScalar };
  then: { facet: string; value: FacetScalar };
  support: number;
  confidence: number;
}

export type ReasonDirection = 'worse' | 'better' | 'different';

/** One facet's part in a finding, with the numbers that explain it. */
export interface FindingReason {
  facet: string;
  value: FacetScalar;
  /** What peers agree on, or what the standard requires. */
  consensus: FacetScalar | string;
  support: Support;
  direction: ReasonDirection;
  /** Share of the score this reason accounts for, in [0, 1]. */
  contribution: number;
  /** `consensus` (peers), `pair-rule` (a mined rule was broken) or `standard`. */
  basis: 'consensus' | 'pair-rule' | 'standard';
  rule?: PairRule;
}

export type FindingKind = 'snowflake' | 'positive-deviant' | 'team-convention';

export interface Finding {
  kind: FindingKind;
  /** The deployment; for a team convention, the first of `deploymentIds`. */
  deploymentId: string;
  deploymentIds?: string[];
  teamRef?: string;
  score: number;
  reasons: FindingReason[];
  /** The context the peers shared, and how many there were. */
  peers: { context: Record<string, FacetScalar>; size: number };
}

export interface PlatformAnalysis {
  platform: string;
  /** False when fewer than kmin deployments: facets only, no scores. */
  scored: boolean;
  deployments: number;
  findings: Finding[];
  /** Snowflake score per deployment id (0 when it follows its peers). */
  scores: Record<string, number>;
  /** Consensus over the whole platform, per facet. */
  consensus: FacetConsensus[];
  rules: PairRule[];
}
