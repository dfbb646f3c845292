import { FacetDefinition } from '../domain/platform';
import { agreementKey, FacetTally } from './tally';
import { AnalysisDeployment, PairRule } from './types';

/**
 * Mines "when A is a, B is b" rules (EnCore-style) across a platform:
 * antecedents with at least `kmin` deployments, consequents on non-context
 * facets, confidence ≥ `minConfidence`, and a lift over B's base rate so a
 * rule says more than the plain consensus does.
 */
export function minePairRules(
  deployments: AnalysisDeployment[],
  facets: FacetDefinition[],
  weights: Map<string, number>,
  kmin: number,
  minConfidence: number,
): PairRule[] {
  // Each deployment's agreement key per facet, computed once: mining looks
  // at every (antecedent, consequent) pair, so recomputing them (parsing
  // versions, stringifying values) dominated the analysis.
  const keys = facets.map(facet =>
    deployments.map(d => {
      const value = d.facets[facet.id];
      return value === undefined ? undefined : agreementKey(facet.kind, value);
    }),
  );
  const weightOf = deployments.map(d => weights.get(d.id) ?? 1);

  const baseRates = new Map<string, FacetTally>();
  facets.forEach((facet, f) => {
    const tally = new FacetTally();
    deployments.forEach((d, i) => {
      const key = keys[f][i];
      if (key !== undefined) tally.add(key, d.facets[facet.id]!, weightOf[i]);
    });
    baseRates.set(facet.id, tally);
  });

  const rules: PairRule[] = [];
  facets.forEach((antecedent, a) => {
    const byValue = new Map<string, number[]>();
    keys[a].forEach((key, i) => {
      if (key === undefined) return;
      const members = byValue.get(key);
      if (members) members.push(i);
      else byValue.set(key, [i]);
    });
    for (const members of byValue.values()) {
      const support = members.reduce((s, i) => s + weightOf[i], 0);
      if (support < kmin - 1e-9) continue;
      facets.forEach((consequent, c) => {
        if (consequent.id === antecedent.id || consequent.context) return;
        const tally = new FacetTally();
        for (const i of members) {
          const key = keys[c][i];
          if (key !== undefined) tally.add(key, deployments[i].facets[consequent.id]!, weightOf[i]);
        }
        const mode = tally.mode();
        if (!mode || mode.total < kmin - 1e-9) return;
        const confidence = mode.weight / mode.total;
        const base = baseRates.get(consequent.id)!;
        const baseRate = base.total ? base.weightOf(mode.key) / base.total : 1;
        if (confidence >= minConfidence && confidence / baseRate >= 1.1) {
          rules.push({
            if: { facet: antecedent.id, value: deployments[members[0]].facets[antecedent.id] },
            then: { facet: consequent.id, value: mode.value },
            support: Math.round(mode.total),
            confidence,
          });
        }
      });
    }
  });
  return rules.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      b.support - a.support ||
      `${a.if.facet}${a.then.facet}`.localeCompare(`${b.if.facet}${b.then.facet}`),
  );
}
