import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  Deployment,
  DeploymentPage,
  FindingWithDeployments,
  OverviewResponse,
  PlatformSummary,
  PlatformWithCounts,
  RollupsResponse,
  ScanProblemsResponse,
  ScanRun,
  ScanStatusResponse,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  BackendHealth,
  DeploymentQuery,
  EntityDeployments,
  FindingQuery,
  PlatformAdoptionApi,
  RollupQuery,
} from './PlatformAdoptionApi';

type QueryValue = string | number | undefined;

/** `?a=1&b=x&b=y` from plain values; undefined and empty strings are left out. */
function queryString(params: Array<[string, QueryValue]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of params) {
    if (value !== undefined && value !== '') search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The query string of a deployment list, in the backend's parameter names. */
export function deploymentQueryString(query: DeploymentQuery): string {
  return queryString([
    ['platform', query.platform],
    ['team', query.team],
    ['system', query.system],
    ['environment', query.environment],
    ['entity', query.entity],
    ['search', query.search?.trim()],
    ...(query.facets ?? []).map(
      f => ['facet', `${f.facet}:${f.value}`] as [string, string],
    ),
    ['sort', query.sort],
    ['order', query.sort ? query.order : undefined],
    ['limit', query.limit],
    ['cursor', query.cursor],
  ]);
}

/**
 * Calls the backend through Backstage's fetch API, which adds the user's
 * credentials, so the backend can apply permissions and catalog visibility.
 */
export class PlatformAdoptionClient implements PlatformAdoptionApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getHealth(): Promise<BackendHealth> {
    return this.request('/health');
  }

  getOverview(): Promise<OverviewResponse> {
    return this.request('/overview');
  }

  listPlatforms(): Promise<{ items: PlatformWithCounts[] }> {
    return this.request('/platforms');
  }

  listDeployments(query: DeploymentQuery): Promise<DeploymentPage> {
    return this.request(`/deployments${deploymentQueryString(query)}`);
  }

  getDeployment(id: string): Promise<Deployment> {
    return this.request(`/deployments/${encodeURIComponent(id)}`);
  }

  getEntityDeployments(entityRef: string): Promise<EntityDeployments> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    return this.request(`/entities/${path}/deployments`);
  }

  listFindings(
    query: FindingQuery,
  ): Promise<{ items: FindingWithDeployments[] }> {
    return this.request(
      `/findings${queryString([
        ['platform', query.platform],
        ['kind', query.kind],
        ['team', query.team],
        ['entity', query.entity],
      ])}`,
    );
  }

  getPlatformSummary(
    platform: string,
  ): Promise<{ summary: PlatformSummary | null }> {
    return this.request(
      `/platforms/${encodeURIComponent(platform)}/summary`,
    );
  }

  getRollups(query: RollupQuery): Promise<RollupsResponse> {
    return this.request(
      `/rollups${queryString([
        ['platform', query.platform],
        ['org', query.org],
      ])}`,
    );
  }

  getScanStatus(): Promise<ScanStatusResponse> {
    return this.request('/scans/current');
  }

  listScans(options: { limit?: number } = {}): Promise<{ items: ScanRun[] }> {
    return this.request(`/scans${queryString([['limit', options.limit]])}`);
  }

  listScanProblems(
    scanId: number,
    options: { limit?: number; offset?: number } = {},
  ): Promise<ScanProblemsResponse> {
    return this.request(
      `/scans/${encodeURIComponent(String(scanId))}/problems${queryString([
        ['limit', options.limit],
        ['offset', options.offset],
      ])}`,
    );
  }

  async triggerScan(): Promise<void> {
    await this.request('/scans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('platform-adoption');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
