import {
  analyzeFleet,
  Deployment,
  FindingReason,
  PlatformDefinition,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ScannedDeployment } from './scanDirectory';

/** A snowflake, positive deviant or team convention, as the CLI reports it. */
export interface Finding {
  deploymentId: string;
  /** Every deployment a team convention covers. */
  deploymentIds?: string[];
  kind: 'snowflake' | 'positive-deviant' | 'team-convention';
  score: number;
  reasons: Array<Pick<FindingReason, 'facet' | 'value' | 'consensus' | 'support'> & {
    direction: FindingReason['direction'];
    basis: FindingReason['basis'];
  }>;
}

/** The id the report gives a deployment: `<repository>#<deployment key>`. */
export const reportId = (d: ScannedDeployment) => `${d.repository}#${d.key}`;

/**
 * The same peer-consensus analysis the backend runs, over the deployments of
 * one CLI scan; each folder's owner stands for its team.
 */
export function analyseFleet(
  deployments: readonly ScannedDeployment[],
  platforms: PlatformDefinition[],
): Finding[] {
  const fleet: Deployment[] = deployments.map(d => {
    const environment = d.facets.environment?.value;
    return {
      ...d,
      id: reportId(d),
      teamRef: d.owner,
      environment: environment === undefined || environment === UNKNOWN ? undefined : String(environment),
    };
  });
  return analyzeFleet(platforms, fleet).findings.map(f => ({
    deploymentId: f.deploymentId,
    ...(f.deploymentIds ? { deploymentIds: f.deploymentIds } : {}),
    kind: f.kind,
    score: Number(f.score.toFixed(4)),
    reasons: f.reasons.map(r => ({
      facet: r.facet,
      value: r.value,
      consensus: r.consensus,
      support: r.support,
      direction: r.direction,
      basis: r.basis,
    })),
  }));
}
