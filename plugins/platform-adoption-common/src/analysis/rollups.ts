import { Deployment } from '../domain/deployment';
import { OrgIndex } from './organization';
import { codePointOrder } from './order';
import { Finding } from './types';

/** A platform's footprint in one org unit (a team and everything below it). */
export interface OrgRollup {
  platform: string;
  orgRef: string;
  deployments: number;
  production: number;
  nonProduction: number;
  /** Client usages (drivers) without a server configuration of their own. */
  clients: number;
  teams: number;
  productionTeams: number;
  systems: number;
  snowflakes: number;
  positiveDeviants: number;
  /** Deployments declared in the catalog, against all that were detected. */
  declared: number;
  detected: number;
  /** Deployments whose entity was created from a golden-path template. */
  goldenPath: number;
}

const isProduction = (d: Deployment) => d.environment === 'production';

/** The org ref under which the whole company's figures are rolled up. */
export const WHOLE_COMPANY = '*';

/**
 * Counts per platform × org unit, each deployment counted in its team and
 * every ancestor of it, so a department shows its teams' sum; the whole
 * company's figures are under {@link WHOLE_COMPANY}, unowned deployments
 * included.
 */
export function rollUp(
  deployments: Deployment[],
  findings: Array<Finding & { platform: string }>,
  org: OrgIndex,
): OrgRollup[] {
  const flagged = new Map<string, Set<string>>();
  for (const f of findings) {
    const ids = f.deploymentIds ?? [f.deploymentId];
    const kind = f.kind === 'positive-deviant' ? 'positive' : 'snowflake';
    for (const id of ids) {
      const set = flagged.get(id) ?? new Set<string>();
      set.add(kind);
      flagged.set(id, set);
    }
  }

  type Tally = OrgRollup & { teamSet: Set<string>; productionTeamSet: Set<string>; systemSet: Set<string> };
  // Platform → org unit → tally: no key strings built per deployment and unit.
  const rollups = new Map<string, Map<string, Tally>>();
  for (const d of deployments) {
    const units = d.teamRef ? [...org.lineage(d.teamRef), WHOLE_COMPANY] : [WHOLE_COMPANY];
    let byUnit = rollups.get(d.platform);
    if (!byUnit) {
      byUnit = new Map();
      rollups.set(d.platform, byUnit);
    }
    for (const orgRef of units) {
      let r = byUnit.get(orgRef);
      if (!r) {
        r = {
          platform: d.platform,
          orgRef,
          deployments: 0,
          production: 0,
          nonProduction: 0,
          clients: 0,
          teams: 0,
          productionTeams: 0,
          systems: 0,
          snowflakes: 0,
          positiveDeviants: 0,
          declared: 0,
          detected: 0,
          goldenPath: 0,
          teamSet: new Set(),
          productionTeamSet: new Set(),
          systemSet: new Set(),
        };
        byUnit.set(orgRef, r);
      }
      if (d.teamRef) r.teamSet.add(d.teamRef);
      if (d.systemRef) r.systemSet.add(d.systemRef);
      if (d.repository) r.detected += 1;
      if (d.repository && d.declaredBy) r.declared += 1;
      if (d.kind === 'client') {
        r.clients += 1;
        continue;
      }
      r.deployments += 1;
      if (d.goldenPath) r.goldenPath += 1;
      if (isProduction(d)) {
        r.production += 1;
        if (d.teamRef) r.productionTeamSet.add(d.teamRef);
      } else {
        r.nonProduction += 1;
      }
      const kinds = flagged.get(d.id);
      if (kinds?.has('snowflake')) r.snowflakes += 1;
      if (kinds?.has('positive')) r.positiveDeviants += 1;
    }
  }
  return [...rollups.values()]
    .flatMap(byUnit => [...byUnit.values()])
    .map(({ teamSet, productionTeamSet, systemSet, ...r }) => ({
      ...r,
      teams: teamSet.size,
      productionTeams: productionTeamSet.size,
      systems: systemSet.size,
    }))
    .sort((a, b) => codePointOrder(a.platform, b.platform) || codePointOrder(a.orgRef, b.orgRef));
}
