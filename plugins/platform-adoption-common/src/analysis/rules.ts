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
  const baseRates = new Map<string, FacetTally>();
  for (const facet of facets) {
    const tally = new FacetTally();
    for (const d of deployments) {
      const value = d.facets[facet.id];
      if (value !== undefined) tally.add(agreementKey(facet.kind, value), value, weights.get(d.id) ?? 1);
    }
    baseRates.set(facet.id, tally);
  }

  const rules: PairRule[] = [];
  for (const antecedent of facets) {
    const byValue = new Map<string, AnalysisDeployment[]>();
    for (const d of deployments) {
      const value = d.facets[antecedent.id];
      if (value === undefined) continue;
      const key = agreementKey(antecedent.kind, value);
      byValue.set(key, [...(byValue.get(key) ?? []), d]);
    }
    for (const members of byValue.values()) {
      const support = members.reduce((s, d) => s + (weights.get(d.id) ?? 1), 0);
      if (support < kmin - 1e-9) continue;
      for (const consequent of facets) {
        if (consequent.id === antecedent.id || consequent.context) continue;
        const tally = new FacetTally();
        for (const d of members) {
          const value = d.facets[consequent.id];
          if (value !== undefined) {
            tally.add(agreementKey(consequent.kind, value), value, weights.get(d.id) ?? 1);
          }
        }
        const mode = tally.mode();
        if (!mode || mode.total < kmin - 1e-9) continue;
        const confidence = mode.weight / mode.total;
        const base = baseRates.get(consequent.id)!;
        const baseRate = base.total ? base.weightOf(mode.key) / base.total : 1;
        if (confidence >= minConfidence && confidence / baseRate >= 1.1) {
          rules.push({
            if: { facet: antecedent.id, value: members[0].facets[antecedent.id] },
            then: { facet: consequent.id, value: mode.value },
            support: Math.round(mode.total),
            confidence,
          });
        }
      }
    }
  }
  return rules.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      b.support - a.support ||
      `${a.if.facet}${a.then.facet}`.localeCompare(`${b.if.facet}${b.then.facet}`),
  );
}
