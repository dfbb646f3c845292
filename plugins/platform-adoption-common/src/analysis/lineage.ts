import { AnalysisDeployment } from './types';

/**
 * Weight per deployment so that near-duplicates (identical facets from one
 * lineage — a repository — or one team) together count as one: a team that
 * copied one configuration ten times does not outvote ten teams that
 * decided on their own.
 */
export function duplicateWeights(deployments: AnalysisDeployment[]): Map<string, number> {
  const signature = (d: AnalysisDeployment) =>
    JSON.stringify(
      Object.keys(d.facets)
        .sort()
        .map(k => [k, d.facets[k]]),
    );
  const byLineage = new Map<string, number>();
  const byTeam = new Map<string, number>();
  const keys = deployments.map(d => {
    const facets = signature(d);
    const lineage = `${d.lineage ?? d.id}\n${facets}`;
    const team = d.teamRef ? `${d.teamRef}\n${facets}` : undefined;
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
