import type { DeploymentAssessment } from './analyzePlatform';
import { Finding } from './types';

/**
 * A deviation that every deployment of a team shares is a decision the team
 * made once, not N snowflakes: it is reported once, as a team convention,
 * and taken out of the members' own findings.
 */
export function extractTeamConventions(assessments: DeploymentAssessment[]): Finding[] {
  const byTeam = new Map<string, DeploymentAssessment[]>();
  for (const a of assessments) {
    const team = a.deployment.teamRef;
    if (!team) continue;
    byTeam.set(team, [...(byTeam.get(team) ?? []), a]);
  }

  const conventions: Finding[] = [];
  for (const [teamRef, members] of [...byTeam.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (members.length < 2) continue;
    const signature = (r: { facet: string; value: unknown }) => `${r.facet}\n${JSON.stringify(r.value)}`;
    const shared = members[0].faults
      .map(signature)
      .filter(sig => members.every(m => m.faults.some(r => signature(r) === sig)));
    for (const sig of shared) {
      const reasons = members.map(m => m.faults.find(r => signature(r) === sig)!);
      const score =
        members.reduce((s, m, i) => s + reasons[i].weight / (m.importance || 1), 0) / members.length;
      const { weight: _weight, ...reason } = reasons[0];
      conventions.push({
        kind: 'team-convention',
        deploymentId: members[0].deployment.id,
        deploymentIds: members.map(m => m.deployment.id),
        teamRef,
        score,
        reasons: [{ ...reason, contribution: 1 }],
        peers: {
          context: members[0].peers.context,
          size: members[0].peers.members.length,
        },
      });
      for (const m of members) m.faults = m.faults.filter(r => signature(r) !== sig);
    }
  }
  return conventions;
}
