import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  Deployment,
  DeploymentPage,
  FindingKind,
  FindingWithDeployments,
  OverviewResponse,
  PlatformSummary,
  PlatformWithCounts,
  RollupsResponse,
  ScanProblemsResponse,
  ScanRun,
  ScanStatusResponse,
} from '@platform-adoption/plugin-platform-adoption-common';

/** The backend's answer to a health probe. */
export interface BackendHealth {
  status: string;
}

/** Columns the backend sorts deployments by, besides any facet. */
export type DeploymentSortColumn =
  | 'name'
  | 'platform'
  | 'team'
  | 'entity'
  | 'system'
  | 'environment';

/** A column, or `facet:<id>` for a facet. @public */
export type DeploymentSort = DeploymentSortColumn | `facet:${string}`;

/** One accepted facet value; several for one facet mean "any of them". @public */
export interface FacetFilter {
  facet: string;
  value: string;
}

/**
 * A filtered, sorted page of deployments. Filters are ANDed; `team` includes
 * the group's sub-teams.
 *
 * @public
 */
export interface DeploymentQuery {
  platform?: string;
  team?: string;
  system?: string;
  environment?: string;
  entity?: string;
  search?: string;
  facets?: FacetFilter[];
  sort?: DeploymentSort;
  order?: 'asc' | 'desc';
  /** 1 to 500; the backend's default is 50. */
  limit?: number;
  /** The `nextCursor` of the previous page, for the same filters and sort. */
  cursor?: string;
}

/** @public */
export interface FindingQuery {
  platform?: string;
  kind?: FindingKind;
  team?: string;
  entity?: string;
}

/** @public */
export interface RollupQuery {
  platform?: string;
  /** A group ref: that group and every group below it. */
  org?: string;
}

/** @public */
export interface EntityDeployments {
  items: Deployment[];
  totalCount: number;
}

/**
 * The browser's view of the Platform Adoption backend. Every method throws
 * a `ResponseError` (from `@backstage/errors`) when the backend answers
 * with an error status.
 *
 * @public
 */
export interface PlatformAdoptionApi {
  getHealth(): Promise<BackendHealth>;
  /** One line per platform for the whole company. */
  getOverview(): Promise<OverviewResponse>;
  /** Platform definitions (facets and their metadata) with counts. */
  listPlatforms(): Promise<{ items: PlatformWithCounts[] }>;
  listDeployments(query: DeploymentQuery): Promise<DeploymentPage>;
  getDeployment(id: string): Promise<Deployment>;
  /** The deployments of one catalog entity (found in it, or declared by it). */
  getEntityDeployments(entityRef: string): Promise<EntityDeployments>;
  listFindings(
    query: FindingQuery,
  ): Promise<{ items: FindingWithDeployments[] }>;
  /** `summary` is null before the first scan. */
  getPlatformSummary(
    platform: string,
  ): Promise<{ summary: PlatformSummary | null }>;
  getRollups(query: RollupQuery): Promise<RollupsResponse>;
  getScanStatus(): Promise<ScanStatusResponse>;
  listScans(options?: { limit?: number }): Promise<{ items: ScanRun[] }>;
  listScanProblems(
    scanId: number,
    options?: { limit?: number; offset?: number },
  ): Promise<ScanProblemsResponse>;
  /**
   * Starts a scan now. Rejects with status 403 without the
   * `platform-adoption.scan.trigger` permission and 409 when a scan runs.
   */
  triggerScan(): Promise<void>;
}

/** @public */
export const platformAdoptionApiRef = createApiRef<PlatformAdoptionApi>({
  id: 'plugin.platform-adoption.api',
});
