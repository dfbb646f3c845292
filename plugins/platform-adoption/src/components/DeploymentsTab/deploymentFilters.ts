import type { DeploymentKind } from '@platform-adoption/plugin-platform-adoption-common';
import type { DeploymentQuery, DeploymentSort, FacetFilter } from '../../api';

/**
 * The Deployments tab's filters, sort and page size, kept in the URL so a
 * filtered list can be bookmarked, shared, and linked to from other tabs.
 */
export interface DeploymentFilters {
  team?: string;
  system?: string;
  entity?: string;
  environment?: string;
  search?: string;
  /** Servers only, or client usages only. */
  kind?: DeploymentKind;
  /** Declared by a catalog Resource, or found undeclared. */
  declared?: boolean;
  facets: FacetFilter[];
  sort: DeploymentSort;
  order: 'asc' | 'desc';
  pageSize: number;
}

export const PAGE_SIZES = [25, 50, 100, 200];
const DEFAULT_PAGE_SIZE = 50;

/** URL parameter names; `q` for the search as most sites do. */
const PARAMS = {
  team: 'team',
  system: 'system',
  entity: 'entity',
  environment: 'environment',
  search: 'q',
  kind: 'kind',
  declared: 'declared',
  facet: 'facet',
  sort: 'sort',
  order: 'order',
  pageSize: 'size',
} as const;

const SORT_PATTERN = /^(name|platform|team|entity|system|environment|facet:[\w.-]+)$/;

/** `backup:none` → { facet: 'backup', value: 'none' }; values may hold colons. */
export function parseFacetFilter(text: string): FacetFilter | undefined {
  const at = text.indexOf(':');
  if (at <= 0) return undefined;
  return { facet: text.slice(0, at), value: text.slice(at + 1) };
}

const KINDS: DeploymentKind[] = ['server', 'client'];
const BOOLEANS: Record<string, boolean | undefined> = { true: true, false: false };

export function readFilters(params: URLSearchParams): DeploymentFilters {
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const sort = get(PARAMS.sort);
  const pageSize = Number(get(PARAMS.pageSize));
  return {
    team: get(PARAMS.team),
    system: get(PARAMS.system),
    entity: get(PARAMS.entity),
    environment: get(PARAMS.environment),
    search: get(PARAMS.search),
    kind: KINDS.find(k => k === get(PARAMS.kind)),
    declared: BOOLEANS[get(PARAMS.declared) ?? ''],
    facets: params
      .getAll(PARAMS.facet)
      .map(parseFacetFilter)
      .filter((f): f is FacetFilter => Boolean(f)),
    sort: sort && SORT_PATTERN.test(sort) ? (sort as DeploymentSort) : 'name',
    order: get(PARAMS.order) === 'desc' ? 'desc' : 'asc',
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/**
 * The filters written into `base` (a copy), leaving parameters that are not
 * filters (such as an open deployment) as they were; defaults are left out.
 */
export function writeFilters(
  filters: Partial<DeploymentFilters>,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base);
  Object.values(PARAMS).forEach(name => params.delete(name));
  const set = (name: string, value: string | undefined) => {
    if (value) params.set(name, value);
  };
  set(PARAMS.team, filters.team);
  set(PARAMS.system, filters.system);
  set(PARAMS.entity, filters.entity);
  set(PARAMS.environment, filters.environment);
  set(PARAMS.search, filters.search);
  set(PARAMS.kind, filters.kind);
  if (filters.declared !== undefined) set(PARAMS.declared, String(filters.declared));
  for (const f of filters.facets ?? []) {
    params.append(PARAMS.facet, `${f.facet}:${f.value}`);
  }
  if (filters.sort && filters.sort !== 'name') set(PARAMS.sort, filters.sort);
  if (filters.order === 'desc') set(PARAMS.order, 'desc');
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) {
    set(PARAMS.pageSize, String(filters.pageSize));
  }
  return params;
}

/** The API query for one platform's filtered list (without the cursor). */
export function toQuery(
  platform: string,
  filters: DeploymentFilters,
): DeploymentQuery {
  return {
    platform,
    team: filters.team,
    system: filters.system,
    entity: filters.entity,
    environment: filters.environment,
    search: filters.search,
    kind: filters.kind,
    declared: filters.declared,
    facets: filters.facets,
    sort: filters.sort,
    order: filters.order,
    limit: filters.pageSize,
  };
}

/** True when anything narrows the list. */
export function isFiltered(filters: DeploymentFilters): boolean {
  return Boolean(
    filters.team ||
      filters.system ||
      filters.entity ||
      filters.environment ||
      filters.search ||
      filters.kind ||
      filters.declared !== undefined ||
      filters.facets.length,
  );
}

/** A link to a platform's Deployments tab with the given filters. */
export function deploymentsLink(
  basePath: string,
  filters: Partial<DeploymentFilters> = {},
): string {
  const search = writeFilters(filters).toString();
  return `${basePath}/deployments${search ? `?${search}` : ''}`;
}

/** Adds a facet filter unless the same one is already there. */
export function withFacet(
  filters: DeploymentFilters,
  filter: FacetFilter,
): DeploymentFilters {
  const present = filters.facets.some(
    f => f.facet === filter.facet && f.value === filter.value,
  );
  return present ? filters : { ...filters, facets: [...filters.facets, filter] };
}
