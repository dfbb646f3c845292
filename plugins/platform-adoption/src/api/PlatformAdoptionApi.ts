import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AuditEvent,
  Campaign,
  DeploymentConformance,
  Deployment,
  DeploymentKind,
  DeploymentPage,
  Exemption,
  GoldenPathOrigin,
  ReferenceArchitectureContent,
  ReferenceArchitectureDraft,
  ReferenceArchitectureVersion,
  ReferenceChange,
  ReferenceProposal,
  FindingKind,
  FindingWithDeployments,
  HistoryEvent,
  HistoryMetrics,
  HistoryResponse,
  OverviewResponse,
  PlatformSummaryResponse,
  PlatformWithCounts,
  RollupsResponse,
  ScanProblemsResponse,
  ScanRun,
  ScanStatusResponse,
} from '@platform-adoption/plugin-platform-adoption-common';

export type { HistoryEvent, HistoryMetrics, HistoryResponse };

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
  /** Servers only, or client usages (drivers) only. */
  kind?: DeploymentKind;
  /** Declared by a catalog Resource (true) or found undeclared (false). */
  declared?: boolean;
  /**
   * `version` values may be release lines (`7.0` matches 7.0.x); `unknown`
   * also matches deployments that do not state the facet.
   */
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

/** A published version as the version history lists it. @public */
export interface ReferenceVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string;
  retiredAt?: string;
}

/** One platform's reference architecture: draft, standard and history. @public */
export interface ReferenceOverview {
  draft: ReferenceArchitectureDraft | null;
  /** The latest published version unless it was retired. */
  standard: ReferenceArchitectureVersion | null;
  /** Newest first. */
  versions: ReferenceVersionSummary[];
}

/** @public */
export interface ReferenceDiff {
  from: number;
  to: number;
  changes: ReferenceChange[];
}

/** How many production deployments a draft would let conform. @public */
export interface ReferencePreview {
  production: number;
  conforming: number;
  /** Facet id → production deployments that facet keeps from conforming. */
  blocking: Record<string, number>;
}

/** @public */
export interface ConformanceQuery {
  platform: string;
  team?: string;
  entity?: string;
  system?: string;
}

/** "Upgrade available": the golden-path version a deployment came from, and what changed since. @public */
export interface GoldenPathUpgrade {
  from: number;
  to: number;
  changes: ReferenceChange[];
}

/** @public */
export interface ConformanceItem {
  deployment: {
    id: string;
    name: string;
    entityRef?: string;
    teamRef?: string;
    environment?: string;
    goldenPath?: GoldenPathOrigin;
  };
  /** Null while the platform has no standard. */
  conformance: DeploymentConformance | null;
  upgrade: GoldenPathUpgrade | null;
}

/** @public */
export interface ConformanceResponse {
  standard: { version: number; title: string } | null;
  items: ConformanceItem[];
}

/** @public */
export type ExemptionWithStatus = Exemption & {
  /** Neither revoked nor expired. */
  active: boolean;
};

/** @public */
export interface NewExemption {
  deploymentId: string;
  facet: string;
  /** Why the deviation is acceptable, at least 10 characters. */
  justification: string;
  /** ISO date or timestamp, in the future and at most two years ahead. */
  expiresAt: string;
}

/** @public */
export interface HistoryQuery {
  platform: string;
  /** A group ref; the whole company when left out. */
  org?: string;
  /** YYYY-MM-DD. */
  from?: string;
  to?: string;
}

/** @public */
export interface NewCampaign {
  platform: string;
  title: string;
  targetVersion: number;
  /** Group refs in scope, sub-units included. */
  scope: string[];
  /** ISO date, in the future. */
  deadline: string;
}

/** @public */
export interface CampaignTeamProgress {
  teamRef: string;
  nonconforming: number;
  total: number;
  initialNonconforming: number;
  /** More left than a straight line to the deadline allows today. */
  behind: boolean;
}

/** @public */
export interface CampaignStatus {
  campaign: Campaign;
  burnDown: Array<{ day: string; nonconforming: number; total: number }>;
  teams: CampaignTeamProgress[];
  /** Negative once the deadline has passed. */
  daysLeft: number;
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
  ): Promise<{ summary: PlatformSummaryResponse | null }>;
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

  /** Every platform's current standard. */
  listReferences(): Promise<{ items: ReferenceArchitectureVersion[] }>;
  getReference(platform: string): Promise<ReferenceOverview>;
  getReferenceVersion(
    platform: string,
    version: number,
  ): Promise<ReferenceArchitectureVersion>;
  diffReferences(
    platform: string,
    from: number,
    to: number,
  ): Promise<ReferenceDiff>;
  /** A proposal from the fleet; needs `platform-adoption.reference.manage`. */
  deriveReference(platform: string): Promise<ReferenceProposal>;
  saveReferenceDraft(
    platform: string,
    content: ReferenceArchitectureContent,
  ): Promise<ReferenceArchitectureDraft>;
  discardReferenceDraft(platform: string): Promise<void>;
  previewReference(
    platform: string,
    content: ReferenceArchitectureContent,
  ): Promise<ReferencePreview>;
  /** Publishes the draft as the next version. */
  publishReference(platform: string): Promise<ReferenceArchitectureVersion>;
  /** Retires the standard: no version is in force afterwards. */
  retireReference(platform: string): Promise<ReferenceArchitectureVersion>;

  getConformance(query: ConformanceQuery): Promise<ConformanceResponse>;
  listExemptions(query: {
    platform?: string;
    deployment?: string;
  }): Promise<{ items: ExemptionWithStatus[] }>;
  createExemption(exemption: NewExemption): Promise<Exemption>;
  revokeExemption(id: string): Promise<Exemption>;

  getHistory(query: HistoryQuery): Promise<HistoryResponse>;

  listCampaigns(query?: { platform?: string }): Promise<{ items: Campaign[] }>;
  createCampaign(campaign: NewCampaign): Promise<Campaign>;
  getCampaign(id: string): Promise<CampaignStatus>;
  closeCampaign(id: string): Promise<Campaign>;

  listAudit(options?: {
    limit?: number;
    offset?: number;
  }): Promise<{ items: AuditEvent[] }>;
}

/** @public */
export const platformAdoptionApiRef = createApiRef<PlatformAdoptionApi>({
  id: 'plugin.platform-adoption.api',
});
