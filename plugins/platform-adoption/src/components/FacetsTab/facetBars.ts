import {
  FacetBarCount,
  FacetConsensus,
  FacetDefinition,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { DeploymentFilters } from '../DeploymentsTab/deploymentFilters';

/** The most bars a chart draws; the list under it names every value. */
export const MAX_BARS = 15;

/** True when no server deployment has a known value for the facet. */
export function allUnknown(bars: FacetBarCount[] | undefined): boolean {
  return !bars || bars.every(b => b.value === UNKNOWN);
}

/**
 * Whether a bar stands for the consensus value. Versions are charted by
 * release line, so a consensus of "7.0.14" is the "7.0" bar.
 */
export function isConsensusBar(
  bar: FacetBarCount,
  consensus: FacetConsensus | undefined,
): boolean {
  if (!consensus) return false;
  const value = String(consensus.value);
  return bar.value === value || value.startsWith(`${bar.value}.`);
}

/**
 * The Deployments tab filters that list a bar's deployments. Versions are
 * charted by release line ("7.0"), which the API matches against every
 * release of the line ("7.0.14"); the list is then sorted by version, so
 * the exact versions read in order.
 */
export function barFilters(
  facet: FacetDefinition,
  bar: FacetBarCount,
): Partial<DeploymentFilters> {
  const facets = [{ facet: facet.id, value: bar.value }];
  if (facet.kind === 'version') {
    return { facets, sort: `facet:${facet.id}`, order: 'desc' };
  }
  return { facets };
}
