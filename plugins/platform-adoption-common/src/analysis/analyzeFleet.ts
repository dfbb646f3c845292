import { Deployment, FacetScalar, REDACTED, UNKNOWN } from '../domain/deployment';
import { PlatformDefinition } from '../domain/platform';
import { analyzePlatform } from './analyzePlatform';
import { AnalysisDeployment, AnalysisOptions, FacetRequirement, Finding, PlatformAnalysis } from './types';

/** Unknown and redacted values say nothing about agreement: they are left out. */
export function toAnalysisDeployment(d: Deployment): AnalysisDeployment {
  const facets: Record<string, FacetScalar> = {};
  for (const [id, { value }] of Object.entries(d.facets)) {
    if (value === UNKNOWN || value === REDACTED) continue;
    facets[id] = value;
  }
  return {
    id: d.id,
    teamRef: d.teamRef,
    // Copies within one repository count once; separate repositories that
    // follow the same golden path are separate decisions and all count.
    lineage: d.repository ?? d.entityRef,
    facets,
  };
}

export interface FleetAnalysis {
  platforms: PlatformAnalysis[];
  findings: Array<Finding & { platform: string }>;
}

/** Every platform's analysis over its server deployments. */
export function analyzeFleet(
  platforms: PlatformDefinition[],
  deployments: Deployment[],
  options: {
    standards?: Record<string, Record<string, FacetRequirement>>;
    analysis?: Partial<AnalysisOptions>;
  } = {},
): FleetAnalysis {
  const analyses = platforms.map(platform =>
    analyzePlatform({
      platform,
      deployments: deployments
        .filter(d => d.platform === platform.id && d.kind === 'server')
        .map(toAnalysisDeployment),
      standard: options.standards?.[platform.id],
      options: options.analysis,
    }),
  );
  return {
    platforms: analyses,
    findings: analyses.flatMap(a => a.findings.map(f => ({ ...f, platform: a.platform }))),
  };
}
