import { FacetScalar } from '../domain/deployment';
import { FacetDefinition } from '../domain/platform';
import {
  betterRank,
  describeRequirement,
  describeTier,
  directionOf,
  isUnacceptable,
  requirementGap,
  satisfies,
} from './standards';
import { ordinalConsensus } from './ordinal';
import { agreementKey, FacetTally, TallyMode } from './tally';
import { AnalysisOptions, FacetRequirement, FindingReason, PairRule } from './types';
import { parseVersion, versionDistance } from './versions';

/** One facet of one deployment, judged against its peers or the standard. */
export interface FacetAssessment {
  /** Weight × strength: how much this facet counts in the score. */
  importance: number;
  /** Deviation in [0, 1]; 0 when the value is fine. */
  deviation: number;
  reason?: Omit<FindingReason, 'contribution'>;
}

/** The standard a peer majority falls short of, if it does. */
export function standardBelowConsensus(
  facet: FacetDefinition,
  consensus: FacetScalar,
  requirement: FacetRequirement | undefined,
): { value: FacetScalar | string; source: 'better-order' | 'reference' } | undefined {
  if (requirement) {
    return satisfies(consensus, requirement)
      ? undefined
      : { value: describeRequirement(requirement), source: 'reference' };
  }
  if (facet.better && facet.better.length > 1 && betterRank(facet, consensus) === 0) {
    return { value: describeTier(facet.better[1]), source: 'better-order' };
  }
  if (isUnacceptable(facet, consensus)) {
    return { value: `anything but ${facet.unacceptable!.join(', ')}`, source: 'better-order' };
  }
  return undefined;
}

/** How far a value falls short of the standard: the reference's gap, or 1 for the worst of an order. */
function standardGap(facet: FacetDefinition, value: FacetScalar, requirement: FacetRequirement | undefined) {
  if (requirement) return requirementGap(value, requirement);
  return betterRank(facet, value) === 0 || isUnacceptable(facet, value) ? 1 : 0;
}

function rarity(
  facet: FacetDefinition,
  value: FacetScalar,
  key: string,
  mode: TallyMode,
  tally: FacetTally,
  self: { key: string; weight: number },
  options: AnalysisOptions,
): number {
  // Legitimate variation is for values without an order; a value known to
  // be worse than what peers agree on is a fault however many share it.
  const share = tally.weightOf(key, self) / mode.total;
  if (share > options.legitimateShare && directionOf(facet, value, mode.value) !== 'worse') return 0;
  if (facet.kind === 'version') {
    const a = parseVersion(value);
    const b = parseVersion(mode.value);
    if (a && b) return versionDistance(a, b);
  }
  if (facet.kind === 'numeric' && typeof value === 'number' && typeof mode.value === 'number') {
    return Math.min(1, Math.abs(value - mode.value) / Math.max(Math.abs(mode.value), 1));
  }
  return 1 - tally.smoothedShare(key, mode, self);
}

/**
 * Judges one facet value: against the peers' consensus (leaving the
 * deployment itself out), or — when the majority is below the standard —
 * against the standard, and against any mined pair rule it breaks.
 */
export function assessFacet(args: {
  facet: FacetDefinition;
  value: FacetScalar;
  /** The value's agreement key, when the caller has it already. */
  key?: string;
  weight: number;
  tally: FacetTally;
  requirement?: FacetRequirement;
  brokenRule?: PairRule;
  options: AnalysisOptions;
}): FacetAssessment | undefined {
  const { facet, value, tally, requirement, options } = args;
  const key = args.key ?? agreementKey(facet.kind, value);
  const self = { key, weight: args.weight };
  const mode = ordinalConsensus(facet, tally, self, options.consensusSupport) ?? tally.mode(self);
  // Values of one tier are equally good but still different: a rare one is
  // compared like a nominal value, neither better nor worse.
  const sameLevel = mode !== undefined && key === mode.key;
  const hasConsensus =
    mode !== undefined &&
    mode.total >= options.kmin - 1 - 1e-9 &&
    mode.weight / mode.total >= options.consensusSupport;

  let assessment: FacetAssessment | undefined;
  if (hasConsensus && mode) {
    const support = { count: Math.round(mode.weight), of: Math.round(mode.total) };
    const standard = standardBelowConsensus(facet, mode.value, requirement);
    if (standard) {
      const gap = standardGap(facet, value, requirement);
      const better = gap === 0 && !sameLevel;
      let deviation = gap;
      if (better) deviation = 1 - tally.smoothedShare(key, mode, self);
      assessment = {
        importance: facet.weight,
        deviation,
        reason: deviation
          ? {
              facet: facet.id,
              value,
              consensus: gap > 0 ? standard.value : mode.value,
              support,
              direction: gap > 0 ? 'worse' : 'better',
              basis: 'standard',
            }
          : undefined,
      };
    } else {
      const deviation = sameLevel ? 0 : rarity(facet, value, key, mode, tally, self, options);
      const direction = directionOf(facet, value, mode.value);
      // A value known to be worse counts at the facet's full weight: a split
      // fleet lowers how much peers agree, not how bad the worse value is.
      const orderedWorse = direction === 'worse';
      assessment = {
        importance: facet.weight * (orderedWorse && deviation > 0 ? 1 : mode.strength),
        deviation,
        reason: deviation
          ? {
              facet: facet.id,
              value,
              consensus: mode.value,
              support,
              direction,
              basis: 'consensus',
            }
          : undefined,
      };
    }
  }

  const rule = args.brokenRule;
  if (rule && directionOf(facet, value, rule.then.value) !== 'better') {
    // A rule is as strong as its confidence, even where the facet's overall
    // consensus is weak (the rule is what splits the fleet).
    const importance = Math.max(assessment?.importance ?? 0, facet.weight * rule.confidence);
    if (!assessment || rule.confidence > assessment.deviation) {
      assessment = {
        importance,
        deviation: rule.confidence,
        reason: {
          facet: facet.id,
          value,
          consensus: rule.then.value,
          support: { count: Math.round(rule.support * rule.confidence), of: rule.support },
          direction: directionOf(facet, value, rule.then.value),
          basis: 'pair-rule',
          rule,
        },
      };
    }
  }
  return assessment;
}
