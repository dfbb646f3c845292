import { AnalysisDeployment } from './types';

/** Values as JSON compares them: every non-finite number (and a missing value) is `null`. */
function canonical(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'object' && value !== null) return `\u0000json:${JSON.stringify(value)}`;
  return value;
}

interface SignatureNode {
  id?: number;
  next?: Map<string, Map<unknown, SignatureNode>>;
}

/**
 * Numbers deployments by their facets: two get the same number when they
 * state the same facets with the same values (as their JSON would say).
 * A trie of facet ids and values, in facet id order, so nothing is
 * stringified.
 */
function facetSignatures(deployments: AnalysisDeployment[]): number[] {
  const root: SignatureNode = {};
  let count = 0;
  // Deployments of one detector list their facets alike: the last order
  // seen is sorted once for all that share it.
  let lastOrder: string[] = [];
  let lastSorted: string[] = [];
  return deployments.map(d => {
    const order = Object.keys(d.facets);
    if (order.length !== lastOrder.length || order.some((facet, i) => facet !== lastOrder[i])) {
      lastOrder = order;
      lastSorted = [...order].sort();
    }
    let node = root;
    for (const facet of lastSorted) {
      node.next ??= new Map();
      let byValue = node.next.get(facet);
      if (!byValue) {
        byValue = new Map();
        node.next.set(facet, byValue);
      }
      const value = canonical(d.facets[facet]);
      let child = byValue.get(value);
      if (!child) {
        child = {};
        byValue.set(value, child);
      }
      node = child;
    }
    node.id ??= count++;
    return node.id;
  });
}

/**
 * Weight per deployment so that near-duplicates (identical facets from one
 * lineage — a repository — or one team) together count as one: a team that
 * copied one configuration ten times does not outvote ten teams that
 * decided on their own.
 */
export function duplicateWeights(deployments: AnalysisDeployment[]): Map<string, number> {
  const signatures = facetSignatures(deployments);
  const byLineage = new Map<string, number>();
  const byTeam = new Map<string, number>();
  const keys = deployments.map((d, i) => {
    const lineage = `${signatures[i]}\n${d.lineage ?? d.id}`;
    const team = d.teamRef ? `${signatures[i]}\n${d.teamRef}` : undefined;
    byLineage.set(lineage, (byLineage.get(lineage) ?? 0) + 1);
    if (team) byTeam.set(team, (byTeam.get(team) ?? 0) + 1);
    return { id: d.id, lineage, team };
  });
  const weights = new Map<string, number>();
  for (const { id, lineage, team } of keys) {
    const copies = Math.max(byLineage.get(lineage)!, team ? byTeam.get(team)! : 1);
    weights.set(id, 1 / copies);
  }
  return weights;
}
