import { FacetDefinition } from '../domain/platform';
import { agreementKey } from './tally';
import { AnalysisDeployment } from './types';

/**
 * The plain attribute-value-frequency (AVF) outlier score the evaluation
 * compares against: the mean frequency of a deployment's values, lower is
 * more unusual. It knows nothing of weights, context, versions or rules.
 * Returned as an anomaly score in [0, 1] (1 − mean frequency).
 */
export function attributeValueFrequency(
  deployments: AnalysisDeployment[],
  facets: FacetDefinition[],
): Record<string, number> {
  const counts = new Map<string, Map<string, number>>();
  for (const facet of facets) {
    const values = new Map<string, number>();
    for (const d of deployments) {
      const value = d.facets[facet.id];
      if (value === undefined) continue;
      const key = agreementKey(facet.kind, value);
      values.set(key, (values.get(key) ?? 0) + 1);
    }
    counts.set(facet.id, values);
  }
  const scores: Record<string, number> = {};
  for (const d of deployments) {
    let sum = 0;
    let n = 0;
    for (const facet of facets) {
      const value = d.facets[facet.id];
      if (value === undefined) continue;
      sum += (counts.get(facet.id)!.get(agreementKey(facet.kind, value)) ?? 0) / deployments.length;
      n += 1;
    }
    scores[d.id] = n ? 1 - sum / n : 0;
  }
  return scores;
}
