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
    const members = byTeam.get(team);
    if (members) members.push(a);
    else byTeam.set(team, [a]);
  }

  const signature = (r: { facet: string; value: unknown }) => `${r.facet}\n${JSON.stringify(r.value)}`;
  const conventions: Finding[] = [];
  for (const [teamRef, members] of [...byTeam.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (members.length < 2) continue;
    // Each member's faults by facet and value (a deployment has one fault per facet at most).
    const faultsOf = members.map(m => {
      const bySignature = new Map<string, DeploymentAssessment['faults'][number]>();
      for (const r of m.faults) {
        const sig = signature(r);
        if (!bySignature.has(sig)) bySignature.set(sig, r);
      }
      return bySignature;
    });
    const shared = members[0].faults.map(signature).filter(sig => faultsOf.every(f => f.has(sig)));
    if (!shared.length) continue;
    const taken = members.map(() => new Set<unknown>());
    for (const sig of shared) {
      const reasons = faultsOf.map(f => f.get(sig)!);
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
      reasons.forEach((r, i) => taken[i].add(r));
    }
    members.forEach((m, i) => {
      m.faults = m.faults.filter(r => !taken[i].has(r));
    });
  }
  return conventions;
}
