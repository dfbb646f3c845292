import { FacetScalar } from '../domain/deployment';
import { AnalysisDeployment } from './types';

export interface PeerGroup {
  context: Record<string, FacetScalar>;
  members: AnalysisDeployment[];
}

/**
 * Each deployment's peers: those sharing its context facets (environment,
 * hosting…). When fewer than `kmin` (counting near-duplicates once) share
 * them all, the last soft context facet is dropped, and so on down to the
 * strict ones (or the whole platform) — a lone Docker cluster in production
 * is compared with all production clusters. A deployment without `kmin`
 * peers even then has no peer group and is not scored: a development
 * database is never judged by production's standards.
 */
export function peerGroups(
  deployments: AnalysisDeployment[],
  contextFacets: Array<{ id: string; strict: boolean }>,
  weights: Map<string, number>,
  kmin: number,
): Map<string, PeerGroup> {
  const strict = contextFacets.filter(f => f.strict).map(f => f.id);
  const soft = contextFacets.filter(f => !f.strict).map(f => f.id);
  const levels = [...soft.map((_, i) => [...strict, ...soft.slice(0, soft.length - i)]), strict];
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
      if (group.weight >= kmin - 1e-9) {
        result.set(d.id, { context: group.context, members: group.members });
        break;
      }
    }
  }
  return result;
}
