import { FacetScalar } from '../domain/deployment';
import { AnalysisDeployment } from './types';

export interface PeerGroup {
  context: Record<string, FacetScalar>;
  members: AnalysisDeployment[];
}

/** A peer group with its members' positions in the input. */
export interface IndexedPeerGroup extends PeerGroup {
  indexes: number[];
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
  const result = new Map<string, PeerGroup>();
  peerGroupsByIndex(deployments, contextFacets, weights, kmin).forEach((group, i) => {
    if (group) result.set(deployments[i].id, { context: group.context, members: group.members });
  });
  return result;
}

/** {@link peerGroups} by position in `deployments`; one object per group, shared by its members. */
export function peerGroupsByIndex(
  deployments: AnalysisDeployment[],
  contextFacets: Array<{ id: string; strict: boolean }>,
  weights: Map<string, number>,
  kmin: number,
): Array<IndexedPeerGroup | undefined> {
  const strict = contextFacets.filter(f => f.strict).map(f => f.id);
  const soft = contextFacets.filter(f => !f.strict).map(f => f.id);
  const levels = [...soft.map((_, i) => [...strict, ...soft.slice(0, soft.length - i)]), strict];
  // Each deployment's group at each level, from the widest context to the narrowest.
  const groupAt = levels.map(level => {
    const groups = new Map<string, { group: IndexedPeerGroup; weight: number }>();
    return deployments.map((d, i) => {
      const context: Record<string, FacetScalar> = {};
      for (const facet of level) context[facet] = d.facets[facet] ?? 'unknown';
      const key = JSON.stringify(context);
      let entry = groups.get(key);
      if (!entry) {
        entry = { group: { context, members: [], indexes: [] }, weight: 0 };
        groups.set(key, entry);
      }
      entry.group.members.push(d);
      entry.group.indexes.push(i);
      entry.weight += weights.get(d.id) ?? 1;
      return entry;
    });
  });

  return deployments.map((_, i) => {
    for (const entries of groupAt) {
      const entry = entries[i];
      if (entry.weight >= kmin - 1e-9) return entry.group;
    }
    return undefined;
  });
}
