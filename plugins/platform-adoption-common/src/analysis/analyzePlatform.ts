import { PlatformDefinition } from '../domain/platform';
import { assessFacet, FacetAssessment, standardBelowConsensus } from './assessFacet';
import { EncodedFleet, encodeFleet } from './encoding';
import { duplicateWeights } from './lineage';
import { IndexedPeerGroup, PeerGroup, peerGroupsByIndex } from './peers';
import { ordinalConsensus } from './ordinal';
import { MinedRule, mineRules } from './rules';
import { FacetTally } from './tally';
import { codePointOrder } from './order';
import { extractTeamConventions } from './teamConventions';
import {
  AnalysisDeployment,
  AnalysisOptions,
  DEFAULT_ANALYSIS_OPTIONS,
  FacetConsensus,
  FacetRequirement,
  Finding,
  FindingReason,
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

/** Each facet's weighted value counts among some members of the fleet. */
function tallies(fleet: EncodedFleet, members: ArrayLike<number>) {
  const result = new Map<string, FacetTally>();
  fleet.facets.forEach((facet, f) => {
    const tally = new FacetTally();
    const ids = fleet.keyIds[f];
    const names = fleet.keyNames[f];
    for (let m = 0; m < members.length; m++) {
      const i = members[m];
      const k = ids[i];
      if (k >= 0) tally.add(names[k], fleet.deployments[i].facets[facet.id]!, fleet.weights[i]);
    }
    result.set(facet.id, tally);
  });
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
  const deployments = [...input.deployments].sort((a, b) => codePointOrder(a.id, b.id));
  const weights = duplicateWeights(deployments);
  const fleet = encodeFleet(deployments, platform.facets, weights);
  const everyone = deployments.map((_, i) => i);
  const totalWeight = deployments.reduce((s, d) => s + (weights.get(d.id) ?? 1), 0);
  const consensus = platformConsensus(input, tallies(fleet, everyone), options);
  const empty = { platform: platform.id, deployments: deployments.length, consensus };
  if (totalWeight < options.kmin - 1e-9) {
    return { ...empty, scored: false, findings: [], scores: {}, rules: [] };
  }

  const contextFacets = platform.facets
    .filter(f => f.context)
    .map(f => ({ id: f.id, strict: f.context === 'strict' }));
  const groups = peerGroupsByIndex(deployments, contextFacets, weights, options.kmin);
  // Per peer group, computed once: facet tallies, and the rules mined among
  // the peers, so an antecedent that merely stands for a context (a version
  // only Atlas clusters run) cannot make a false rule. Rules are indexed by
  // the facet they conclude on: each facet of each deployment looks only at
  // the rules about it.
  // Judging a facet value is pure, and peers share values: each distinct
  // (facet, value, weight, broken rule) of a group is judged once.
  const perGroup = new Map<
    IndexedPeerGroup,
    {
      tallies: Map<string, FacetTally>;
      judged: Array<Map<number, FacetAssessment | undefined>>;
      rules?: MinedRule[];
      byFacet?: MinedRule[][];
    }
  >();
  const groupData = (group: IndexedPeerGroup) => {
    let data = perGroup.get(group);
    if (!data) {
      data = { tallies: tallies(fleet, group.indexes), judged: platform.facets.map(() => new Map()) };
      perGroup.set(group, data);
    }
    return data;
  };
  const rulesAbout = (group: IndexedPeerGroup, f: number) => {
    const data = groupData(group);
    if (!data.byFacet) {
      data.rules = mineRules(fleet, group.indexes, options.kmin, options.ruleConfidence);
      data.byFacet = platform.facets.map(() => []);
      for (const rule of data.rules) data.byFacet[rule.thenFacet].push(rule);
    }
    return data.byFacet[f];
  };

  const assessments: DeploymentAssessment[] = [];
  deployments.forEach((d, i) => {
    const peers = groups[i];
    if (!peers) return; // too few peers in its strict context: facets only
    const { tallies: facetTallies, judged: judgedOf } = groupData(peers);
    const weight = fleet.weights[i];
    const assessment: DeploymentAssessment = {
      deployment: d,
      peers: { context: peers.context, members: peers.members },
      importance: 0,
      faults: [],
      merits: [],
    };
    platform.facets.forEach((facet, f) => {
      const value = d.facets[facet.id];
      if (facet.context || value === undefined) return;
      const key = fleet.keyIds[f][i];
      const rules = rulesAbout(peers, f);
      let broken = -1;
      for (let r = 0; r < rules.length; r++) {
        if (fleet.keyIds[rules[r].ifFacet][i] === rules[r].ifKey && key !== rules[r].thenKey) {
          broken = r;
          break;
        }
      }
      const memo =
        (fleet.valueIds[f][i] * fleet.distinctWeights + fleet.weightIds[i]) * (rules.length + 1) + broken + 1;
      let judged: FacetAssessment | undefined;
      if (judgedOf[f].has(memo)) {
        judged = judgedOf[f].get(memo);
      } else {
        judged = assessFacet({
          facet,
          value,
          key: fleet.keyNames[f][key],
          weight,
          tally: facetTallies.get(facet.id)!,
          requirement: input.standard?.[facet.id],
          brokenRule: broken < 0 ? undefined : rules[broken].rule,
          options,
        });
        judgedOf[f].set(memo, judged);
      }
      if (!judged) return;
      assessment.importance += judged.importance;
      if (judged.reason && judged.deviation > 0) {
        const entry = { ...judged.reason, weight: judged.importance * judged.deviation };
        (judged.reason.direction === 'better' ? assessment.merits : assessment.faults).push(entry);
      }
    });
    assessments.push(assessment);
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
  // A peer group of the whole platform has mined the platform's rules already.
  const whole = [...perGroup.entries()].find(([group, data]) => data.rules && group.indexes.length === deployments.length);
  const rules = (whole?.[1].rules ?? mineRules(fleet, everyone, options.kmin, options.ruleConfidence)).map(r => r.rule);
  return { ...empty, scored: true, findings, scores, rules };
}
