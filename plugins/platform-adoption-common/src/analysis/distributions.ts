import { Deployment, FacetScalar, UNKNOWN } from '../domain/deployment';
import { FacetDefinition, PlatformDefinition } from '../domain/platform';
import { versionLine } from './versions';

function barValue(kind: FacetDefinition['kind'], raw: FacetScalar | undefined): string {
  if (raw === undefined) return UNKNOWN;
  if (kind === 'version' && raw !== UNKNOWN) return versionLine(raw) ?? String(raw);
  return String(raw);
}

/** One bar of a facet's chart: a value and the deployments behind it. */
export interface FacetBar {
  value: string;
  count: number;
  deploymentIds: string[];
}

/**
 * The bars as counts, without the deployments behind them (bars that
 * carry none already pass through).
 */
export function barCounts(
  distributions: Record<string, Array<Pick<FacetBar, 'value' | 'count'>>>,
): Record<string, Array<Pick<FacetBar, 'value' | 'count'>>> {
  return Object.fromEntries(
    Object.entries(distributions).map(([facet, bars]) => [facet, bars.map(({ value, count }) => ({ value, count }))]),
  );
}

/**
 * Value → deployments for every facet of a platform's server deployments;
 * versions grouped by release line so the chart shows the spread that
 * matters. Unknown values get a bar of their own: they are a finding too.
 */
export function facetDistributions(
  platform: PlatformDefinition,
  deployments: Deployment[],
): Record<string, FacetBar[]> {
  const result: Record<string, FacetBar[]> = {};
  const servers = deployments.filter(d => d.platform === platform.id && d.kind === 'server');
  for (const facet of platform.facets) {
    const bars = new Map<string, FacetBar>();
    for (const d of servers) {
      const value = barValue(facet.kind, d.facets[facet.id]?.value);
      const bar = bars.get(value) ?? { value, count: 0, deploymentIds: [] };
      bar.count += 1;
      bar.deploymentIds.push(d.id);
      bars.set(value, bar);
    }
    result[facet.id] = [...bars.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return result;
}
