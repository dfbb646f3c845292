import { FacetDefinition } from '../domain/platform';
import { EncodedFleet, encodeFleet } from './encoding';
import { AnalysisDeployment, PairRule } from './types';

/** A mined rule with its antecedent and consequent as facet and key numbers, for cheap checks. */
export interface MinedRule {
  rule: PairRule;
  ifFacet: number;
  ifKey: number;
  thenFacet: number;
  thenKey: number;
}

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
  const fleet = encodeFleet(deployments, facets, weights);
  return mineRules(fleet, deployments.map((_, i) => i), kmin, minConfidence).map(r => r.rule);
}

/**
 * {@link minePairRules} over some members of an encoded fleet (indexes in
 * ascending order). Weighted counts are summed in the members' order and
 * modes chosen as a {@link FacetTally} chooses them, so the rules are the
 * same, number for number.
 */
export function mineRules(
  fleet: EncodedFleet,
  members: ArrayLike<number>,
  kmin: number,
  minConfidence: number,
): MinedRule[] {
  const { deployments, facets, keyIds, keyNames, weights } = fleet;
  const count = members.length;

  // Each consequent's base rate among the members.
  const baseTotal = new Float64Array(facets.length);
  const baseWeight = facets.map((_, f) => {
    const ids = keyIds[f];
    const weight = new Float64Array(keyNames[f].length);
    let total = 0;
    for (let m = 0; m < count; m++) {
      const i = members[m];
      const k = ids[i];
      if (k < 0) continue;
      weight[k] += weights[i];
      total += weights[i];
    }
    baseTotal[f] = total;
    return weight;
  });

  // Scratch tallies, one per facet, cleared after each use.
  const tallyWeight = facets.map((_, f) => new Float64Array(keyNames[f].length));
  const firstHolder = facets.map((_, f) => new Int32Array(keyNames[f].length).fill(-1));
  const touched: number[] = [];

  const rules: MinedRule[] = [];
  facets.forEach((antecedent, a) => {
    // Members by antecedent value, values in order of first appearance.
    const ids = keyIds[a];
    const bucketOf = new Int32Array(keyNames[a].length).fill(-1);
    const buckets: number[][] = [];
    for (let m = 0; m < count; m++) {
      const i = members[m];
      const k = ids[i];
      if (k < 0) continue;
      let b = bucketOf[k];
      if (b < 0) {
        b = buckets.length;
        bucketOf[k] = b;
        buckets.push([]);
      }
      buckets[b].push(i);
    }
    for (const bucket of buckets) {
      let support = 0;
      for (const i of bucket) support += weights[i];
      if (support < kmin - 1e-9) continue;
      facets.forEach((consequent, c) => {
        if (consequent.id === antecedent.id || consequent.context) return;
        const cids = keyIds[c];
        const names = keyNames[c];
        const weight = tallyWeight[c];
        const first = firstHolder[c];
        touched.length = 0;
        for (const i of bucket) {
          const k = cids[i];
          if (k < 0) continue;
          if (first[k] < 0) {
            first[k] = i;
            weight[k] = weights[i];
            touched.push(k);
          } else {
            weight[k] += weights[i];
          }
        }
        // The mode: the most held key, ties to the smaller key.
        let total = 0;
        let best = -1;
        let bestWeight = 0;
        for (const k of touched) {
          const w = weight[k];
          if (w <= 1e-9) continue;
          total += w;
          if (best < 0 || w > bestWeight + 1e-9 || (Math.abs(w - bestWeight) <= 1e-9 && names[k] < names[best])) {
            best = k;
            bestWeight = w;
          }
        }
        const holder = best < 0 ? -1 : first[best];
        for (const k of touched) first[k] = -1;
        if (best < 0 || total < kmin - 1e-9) return;
        const confidence = bestWeight / total;
        const baseRate = baseTotal[c] ? baseWeight[c][best] / baseTotal[c] : 1;
        if (confidence >= minConfidence && confidence / baseRate >= 1.1) {
          rules.push({
            rule: {
              if: { facet: antecedent.id, value: deployments[bucket[0]].facets[antecedent.id]! },
              then: { facet: consequent.id, value: deployments[holder].facets[consequent.id]! },
              support: Math.round(total),
              confidence,
            },
            ifFacet: a,
            ifKey: ids[bucket[0]],
            thenFacet: c,
            thenKey: best,
          });
        }
      });
    }
  });
  return rules.sort(
    ({ rule: a }, { rule: b }) =>
      b.confidence - a.confidence ||
      b.support - a.support ||
      `${a.if.facet}${a.then.facet}`.localeCompare(`${b.if.facet}${b.then.facet}`),
  );
}
