import { AnalysisDeployment } from './types';

/**
 * Weight per deployment so that near-duplicates (same lineage, identical
 * facets) together count as one: a team that copied one file ten times
 * does not outvote ten teams that decided on their own.
 */
export function duplicateWeights(deployments: AnalysisDeployment[]): Map<string, number> {
  const clusters = new Map<string, string[]>();
  for (const d of deployments) {
    const facets = Object.keys(d.facets)
      .sort()
      .map(k => [k, d.facets[k]]);
    const key = `${d.lineage ?? d.id}\n${JSON.stringify(facets)}`;
    clusters.set(key, [...(clusters.get(key) ?? []), d.id]);
  }
  const weights = new Map<string, number>();
  for (const ids of clusters.values()) {
    for (const id of ids) weights.set(id, 1 / ids.length);
  }
  return weights;
}
