import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  AuditEvent,
  Campaign,
  Deployment,
  DeploymentPage,
  Exemption,
  ReferenceArchitectureContent,
  ReferenceArchitectureDraft,
  ReferenceArchitectureVersion,
  ReferenceProposal,
  FindingWithDeployments,
  OverviewResponse,
  PlatformSummaryResponse,
  PlatformWithCounts,
  RollupsResponse,
  ScanProblemsResponse,
  ScanRun,
  ScanStatusResponse,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  BackendHealth,
  CampaignStatus,
  ConformanceQuery,
  ConformanceResponse,
  DeploymentQuery,
  EntityDeployments,
  ExemptionWithStatus,
  FindingQuery,
  HistoryQuery,
  HistoryResponse,
  NewCampaign,
  NewExemption,
  PlatformAdoptionApi,
  ReferenceDiff,
  ReferenceOverview,
  ReferencePreview,
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
    ['kind', query.kind],
    ['declared', query.declared === undefined ? undefined : String(query.declared)],
    ...(query.facets ?? []).map(
      f => ['facet', `${f.facet}:${f.value}`] as [string, string],
    ),
    ['sort', query.sort],
    ['order', query.sort ? query.order : undefined],
    ['limit', query.limit],
    ['cursor', query.cursor],
  ]);
}

function referencePath(platform: string) {
  return `/references/${encodeURIComponent(platform)}`;
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
  ): Promise<{ summary: PlatformSummaryResponse | null }> {
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

  listReferences(): Promise<{ items: ReferenceArchitectureVersion[] }> {
    return this.request('/references');
  }

  getReference(platform: string): Promise<ReferenceOverview> {
    return this.request(referencePath(platform));
  }

  getReferenceVersion(
    platform: string,
    version: number,
  ): Promise<ReferenceArchitectureVersion> {
    return this.request(
      `${referencePath(platform)}/versions/${encodeURIComponent(String(version))}`,
    );
  }

  diffReferences(
    platform: string,
    from: number,
    to: number,
  ): Promise<ReferenceDiff> {
    return this.request(
      `${referencePath(platform)}/diff${queryString([
        ['from', from],
        ['to', to],
      ])}`,
    );
  }

  deriveReference(platform: string): Promise<ReferenceProposal> {
    return this.send('POST', `${referencePath(platform)}/derive`, {});
  }

  saveReferenceDraft(
    platform: string,
    content: ReferenceArchitectureContent,
  ): Promise<ReferenceArchitectureDraft> {
    return this.send('PUT', `${referencePath(platform)}/draft`, content);
  }

  async discardReferenceDraft(platform: string): Promise<void> {
    await this.request(`${referencePath(platform)}/draft`, { method: 'DELETE' }, false);
  }

  previewReference(
    platform: string,
    content: ReferenceArchitectureContent,
  ): Promise<ReferencePreview> {
    return this.send('POST', `${referencePath(platform)}/preview`, content);
  }

  publishReference(platform: string): Promise<ReferenceArchitectureVersion> {
    return this.send('POST', `${referencePath(platform)}/publish`, {});
  }

  retireReference(platform: string): Promise<ReferenceArchitectureVersion> {
    return this.send('POST', `${referencePath(platform)}/retire`, {});
  }

  getConformance(query: ConformanceQuery): Promise<ConformanceResponse> {
    return this.request(
      `/conformance${queryString([
        ['platform', query.platform],
        ['team', query.team],
        ['entity', query.entity],
        ['system', query.system],
      ])}`,
    );
  }

  listExemptions(query: {
    platform?: string;
    deployment?: string;
  }): Promise<{ items: ExemptionWithStatus[] }> {
    return this.request(
      `/exemptions${queryString([
        ['platform', query.platform],
        ['deployment', query.deployment],
      ])}`,
    );
  }

  createExemption(exemption: NewExemption): Promise<Exemption> {
    return this.send('POST', '/exemptions', exemption);
  }

  revokeExemption(id: string): Promise<Exemption> {
    return this.request(`/exemptions/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  getHistory(query: HistoryQuery): Promise<HistoryResponse> {
    return this.request(
      `/history${queryString([
        ['platform', query.platform],
        ['org', query.org],
        ['from', query.from],
        ['to', query.to],
      ])}`,
    );
  }

  listCampaigns(
    query: { platform?: string } = {},
  ): Promise<{ items: Campaign[] }> {
    return this.request(`/campaigns${queryString([['platform', query.platform]])}`);
  }

  createCampaign(campaign: NewCampaign): Promise<Campaign> {
    return this.send('POST', '/campaigns', campaign);
  }

  getCampaign(id: string): Promise<CampaignStatus> {
    return this.request(`/campaigns/${encodeURIComponent(id)}`);
  }

  closeCampaign(id: string): Promise<Campaign> {
    return this.send('POST', `/campaigns/${encodeURIComponent(id)}/close`, {});
  }

  listAudit(
    options: { limit?: number; offset?: number } = {},
  ): Promise<{ items: AuditEvent[] }> {
    return this.request(
      `/audit${queryString([
        ['limit', options.limit],
        ['offset', options.offset],
      ])}`,
    );
  }

  private send<T>(method: string, path: string, body: unknown): Promise<T> {
    return this.request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request<T>(
    path: string,
    init?: RequestInit,
    hasBody = true,
  ): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('platform-adoption');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (!hasBody || response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}
