import { describeRequirement, satisfies } from '../analysis/standards';
import { FacetRequirement } from '../analysis/types';
import { Deployment, Evidence, REDACTED, UNKNOWN } from '../domain/deployment';
import { PlatformDefinition } from '../domain/platform';
import {
  ConformanceDifference,
  DeploymentConformance,
  Exemption,
  ReferenceArchitectureVersion,
} from '../domain/reference';

/** Exemptions that still count at `now`: not revoked, not expired. */
export function activeExemptions(exemptions: Exemption[], now: Date): Exemption[] {
  return exemptions.filter(e => !e.revokedAt && new Date(e.expiresAt).getTime() > now.getTime());
}

function locationOf(evidence: Evidence | undefined): string | undefined {
  if (!evidence) return undefined;
  if (evidence.kind === 'file') return evidence.line ? `${evidence.path}:${evidence.line}` : evidence.path;
  return `${evidence.entityRef} ${evidence.field}`;
}

function differences(
  deployment: Deployment,
  requirements: Record<string, FacetRequirement>,
  platform: PlatformDefinition,
): ConformanceDifference[] {
  const result: ConformanceDifference[] = [];
  for (const [facetId, requirement] of Object.entries(requirements)) {
    const found = deployment.facets[facetId];
    const title = platform.facets.find(f => f.id === facetId)?.title ?? facetId;
    const required = describeRequirement(requirement);
    const location = locationOf(found?.evidence);
    if (!found || found.value === UNKNOWN || found.value === REDACTED) {
      result.push({
        facet: facetId,
        value: UNKNOWN,
        required,
        fix: `State ${title.toLocaleLowerCase('en-US')} explicitly as ${required} so it can be verified${location ? ` (${location} does not resolve it)` : ''}`,
        location,
      });
    } else if (!satisfies(found.value, requirement)) {
      result.push({
        facet: facetId,
        value: found.value,
        required,
        fix: `Change ${title.toLocaleLowerCase('en-US')} from ${String(found.value)} to ${required}${location ? ` at ${location}` : ''}`,
        location,
      });
    }
  }
  return result;
}

/**
 * How a deployment stands against the published reference: the facets that
 * differ (under the base requirements or the closest approved variant), the
 * requirement and the fix for each. A value that could not be resolved
 * does not conform: the standard has to be verifiable. Differences covered
 * by an active exemption are listed but do not count.
 */
export function conformanceOf(
  deployment: Deployment,
  reference: ReferenceArchitectureVersion,
  platform: PlatformDefinition,
  exemptions: Exemption[],
): DeploymentConformance {
  const base = Object.fromEntries(Object.entries(reference.facets).map(([id, f]) => [id, f.requirement]));
  const candidates: Array<{ variant?: string; requirements: Record<string, FacetRequirement> }> = [
    { requirements: base },
    ...reference.variants.map(v => ({ variant: v.id, requirements: { ...base, ...v.facets } })),
  ];
  const exemptFacets = new Map(exemptions.filter(e => e.deploymentId === deployment.id).map(e => [e.facet, e.id]));

  let best: { variant?: string; differences: ConformanceDifference[]; counting: number } | undefined;
  for (const candidate of candidates) {
    const found = differences(deployment, candidate.requirements, platform).map(d =>
      exemptFacets.has(d.facet) ? { ...d, exemptionId: exemptFacets.get(d.facet) } : d,
    );
    const counting = found.filter(d => !d.exemptionId).length;
    if (!best || counting < best.counting) best = { variant: candidate.variant, differences: found, counting };
  }
  return {
    deploymentId: deployment.id,
    platform: deployment.platform,
    version: reference.version,
    conforming: best!.counting === 0,
    ...(best!.variant ? { variant: best!.variant } : {}),
    differences: best!.differences,
  };
}
