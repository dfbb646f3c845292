import { FacetScalar } from '../domain/deployment';
import { AnalysisDeployment } from './types';

export interface PeerGroup {
  context: Record<string, FacetScalar>;
  members: AnalysisDeployment[];
}

/**
 * Each deployment's peers: those sharing its context facets (environment,
 * hosting…). When fewer than `kmin` (counting near-duplicates once) share
 * them all, the last context facet is dropped, and so on down to the whole
 * platform — a lone staging cluster is compared with all staging clusters
 * before it is compared with everything.
 */
export function peerGroups(
  deployments: AnalysisDeployment[],
  contextFacets: string[],
  weights: Map<string, number>,
  kmin: number,
): Map<string, PeerGroup> {
  const levels = contextFacets.map((_, i) => contextFacets.slice(0, contextFacets.length - i));
  levels.push([]);
  const indexes = levels.map(level => {
    const groups = new Map<string, PeerGroup & { weight: number }>();
    for (const d of deployments) {
      const context: Record<string, FacetScalar> = {};
      for (const facet of level) context[facet] = d.facets[facet] ?? 'unknown';
      const key = JSON.stringify(context);
      const group = groups.get(key) ?? { context, members: [], weight: 0 };
      group.members.push(d);
      group.weight += weights.get(d.id) ?? 1;
      groups.set(key, group);
    }
    return { level, groups };
  });

  const result = new Map<string, PeerGroup>();
  for (const d of deployments) {
    for (const { level, groups } of indexes) {
      const context: Record<string, FacetScalar> = {};
      for (const facet of level) context[facet] = d.facets[facet] ?? 'unknown';
      const group = groups.get(JSON.stringify(context))!;
      if (group.weight >= kmin - 1e-9 || level.length === 0) {
        result.set(d.id, { context: group.context, members: group.members });
        break;
      }
    }
  }
  return result;
}
