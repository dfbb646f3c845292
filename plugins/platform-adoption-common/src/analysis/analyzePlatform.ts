import { PlatformDefinition } from '../domain/platform';
import { assessFacet, FacetAssessment, standardBelowConsensus } from './assessFacet';
import { duplicateWeights } from './lineage';
import { PeerGroup, peerGroups } from './peers';
import { ordinalConsensus } from './ordinal';
import { minePairRules } from './rules';
import { agreementKey, FacetTally } from './tally';
import { extractTeamConventions } from './teamConventions';
import {
  AnalysisDeployment,
  AnalysisOptions,
  DEFAULT_ANALYSIS_OPTIONS,
  FacetConsensus,
  FacetRequirement,
  Finding,
  FindingReason,
  PairRule,
  PlatformAnalysis,
} from './types';

export interface AnalyzePlatformInput {
  platform: PlatformDefinition;
  /** Server deployments of the platform; client usages are not compared. */
  deployments: AnalysisDeployment[];
  /** The published reference's requirements, by facet id. */
  standard?: Record<string, FacetRequirement>;
  options?: Partial<AnalysisOptions>;
}

/** A deployment's judged facets, split into what counts against and for it. */
export interface DeploymentAssessment {
  deployment: AnalysisDeployment;
  peers: PeerGroup;
  /** Σ importance over facets that had a consensus, rule or standard. */
  importance: number;
  faults: Array<Omit<FindingReason, 'contribution'> & { weight: number }>;
  merits: Array<Omit<FindingReason, 'contribution'> & { weight: number }>;
}

function tallies(platform: PlatformDefinition, members: AnalysisDeployment[], weights: Map<string, number>) {
  const result = new Map<string, FacetTally>();
  for (const facet of platform.facets) {
    const tally = new FacetTally();
    for (const d of members) {
      const value = d.facets[facet.id];
      if (value !== undefined) tally.add(agreementKey(facet.kind, value), value, weights.get(d.id) ?? 1);
    }
    result.set(facet.id, tally);
  }
  return result;
}

function platformConsensus(
  input: AnalyzePlatformInput,
  all: Map<string, FacetTally>,
  options: AnalysisOptions,
): FacetConsensus[] {
  return input.platform.facets.flatMap(facet => {
    const tally = all.get(facet.id)!;
    const mode = ordinalConsensus(facet, tally, undefined, options.consensusSupport) ?? tally.mode();
    if (!mode || mode.total < options.kmin - 1e-9 || mode.weight / mode.total < options.consensusSupport) {
      return [];
    }
    const standard = facet.context
      ? undefined
      : standardBelowConsensus(facet, mode.value, input.standard?.[facet.id]);
    return [
      {
        facet: facet.id,
        value: mode.value,
        support: { count: Math.round(mode.weight), of: Math.round(mode.total) },
        strength: mode.strength,
        ...(standard ? { standard } : {}),
      },
    ];
  });
}

function withContributions(
  reasons: Array<Omit<FindingReason, 'contribution'> & { weight: number }>,
): FindingReason[] {
  const total = reasons.reduce((s, r) => s + r.weight, 0) || 1;
  return reasons
    .map(({ weight, ...reason }) => ({ ...reason, contribution: weight / total }))
    .sort((a, b) => b.contribution - a.contribution || a.facet.localeCompare(b.facet));
}

/**
 * Peer-consensus deviation for one platform (see DESIGN.md, "Snowflake
 * analysis"): every deployment is compared with its peers facet by facet,
 * weighted by how much the fleet should agree on that facet and how much it
 * does; deviations towards a better value make positive deviants; a
 * deviation a whole team shares is one team convention. Pure and
 * deterministic: the same input gives the same output, in any order.
 */
export function analyzePlatform(input: AnalyzePlatformInput): PlatformAnalysis {
  const options = { ...DEFAULT_ANALYSIS_OPTIONS, ...input.options };
  const { platform } = input;
  const deployments = [...input.deployments].sort((a, b) => a.id.localeCompare(b.id));
  const weights = duplicateWeights(deployments);
  const totalWeight = deployments.reduce((s, d) => s + (weights.get(d.id) ?? 1), 0);
  const consensus = platformConsensus(input, tallies(platform, deployments, weights), options);
  const empty = { platform: platform.id, deployments: deployments.length, consensus };
  if (totalWeight < options.kmin - 1e-9) {
    return { ...empty, scored: false, findings: [], scores: {}, rules: [] };
  }

  const contextFacets = platform.facets
    .filter(f => f.context)
    .map(f => ({ id: f.id, strict: f.context === 'strict' }));
  const groups = peerGroups(deployments, contextFacets, weights, options.kmin);
  const groupTallies = new Map<AnalysisDeployment[], Map<string, FacetTally>>();
  // Rules are mined among peers, so an antecedent that merely stands for a
  // context (a version only Atlas clusters run) cannot make a false rule.
  // Indexed by the facet they conclude on: each facet of each deployment
  // looks only at the rules about it.
  const groupRules = new Map<AnalysisDeployment[], Map<string, PairRule[]>>();
  const rulesOf = (members: AnalysisDeployment[], facetId: string) => {
    let mined = groupRules.get(members);
    if (!mined) {
      mined = new Map();
      for (const rule of minePairRules(members, platform.facets, weights, options.kmin, options.ruleConfidence)) {
        const list = mined.get(rule.then.facet);
        if (list) list.push(rule);
        else mined.set(rule.then.facet, [rule]);
      }
      groupRules.set(members, mined);
    }
    return mined.get(facetId) ?? [];
  };

  const assessments: DeploymentAssessment[] = deployments.flatMap(d => {
    const peers = groups.get(d.id);
    if (!peers) return []; // too few peers in its strict context: facets only
    let facetTallies = groupTallies.get(peers.members);
    if (!facetTallies) {
      facetTallies = tallies(platform, peers.members, weights);
      groupTallies.set(peers.members, facetTallies);
    }
    const assessment: DeploymentAssessment = { deployment: d, peers, importance: 0, faults: [], merits: [] };
    for (const facet of platform.facets) {
      const value = d.facets[facet.id];
      if (facet.context || value === undefined) continue;
      const brokenRule = findBrokenRule(rulesOf(peers.members, facet.id), d, facet.id, platform);
      const judged: FacetAssessment | undefined = assessFacet({
        facet,
        value,
        weight: weights.get(d.id) ?? 1,
        tally: facetTallies.get(facet.id)!,
        requirement: input.standard?.[facet.id],
        brokenRule,
        options,
      });
      if (!judged) continue;
      assessment.importance += judged.importance;
      if (judged.reason && judged.deviation > 0) {
        const entry = { ...judged.reason, weight: judged.importance * judged.deviation };
        (judged.reason.direction === 'better' ? assessment.merits : assessment.faults).push(entry);
      }
    }
    return [assessment];
  });

  const conventions = extractTeamConventions(assessments);
  const findings: Finding[] = [...conventions];
  const scores: Record<string, number> = {};
  for (const a of assessments) {
    const denominator = a.importance || 1;
    const score = a.faults.reduce((s, r) => s + r.weight, 0) / denominator;
    const merit = a.merits.reduce((s, r) => s + r.weight, 0) / denominator;
    scores[a.deployment.id] = score;
    const base = {
      deploymentId: a.deployment.id,
      teamRef: a.deployment.teamRef,
      peers: { context: a.peers.context, size: a.peers.members.length },
    };
    if (score >= options.snowflakeThreshold && a.faults.length) {
      findings.push({ ...base, kind: 'snowflake', score, reasons: withContributions(a.faults) });
    }
    if (merit >= options.exemplarThreshold && a.merits.length) {
      findings.push({ ...base, kind: 'positive-deviant', score: merit, reasons: withContributions(a.merits) });
    }
  }
  const kindOrder = { snowflake: 0, 'team-convention': 1, 'positive-deviant': 2 };
  findings.sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] || b.score - a.score || a.deploymentId.localeCompare(b.deploymentId),
  );
  const rules = minePairRules(deployments, platform.facets, weights, options.kmin, options.ruleConfidence);
  return { ...empty, scored: true, findings, scores, rules };
}

function findBrokenRule(
  rules: PairRule[],
  d: AnalysisDeployment,
  facetId: string,
  platform: PlatformDefinition,
): PairRule | undefined {
  const value = d.facets[facetId];
  const facet = platform.facets.find(f => f.id === facetId)!;
  return rules.find(rule => {
    if (rule.then.facet !== facetId) return false;
    const antecedent = platform.facets.find(f => f.id === rule.if.facet)!;
    const own = d.facets[rule.if.facet];
    if (own === undefined) return false;
    return (
      agreementKey(antecedent.kind, own) === agreementKey(antecedent.kind, rule.if.value) &&
      agreementKey(facet.kind, value) !== agreementKey(facet.kind, rule.then.value)
    );
  });
}
