import { Deployment, ScanProblem } from '../domain/deployment';
import { PlatformDefinition } from '../domain/platform';
import { ScanRun } from '../domain/scan';
import {
  DeclaredWithoutConfiguration,
  FacetBar,
  OrgRollup,
  OrgUnitNode,
  ShadowUsage,
  StageAssessment,
} from '../analysis';
import { FacetConsensus, Finding, PairRule } from '../analysis/types';

/**
 * The shapes the REST API answers with (see the backend's openapi.yaml),
 * shared so the browser and the server cannot drift apart.
 */

/** @public */
export type PlatformWithCounts = PlatformDefinition & {
  deployments: number;
  clients: number;
  teams: number;
};

/** @public */
export interface DeploymentPage {
  items: Deployment[];
  totalCount: number;
  /** The scan generation the page comes from; null before the first scan. */
  generation: number | null;
  nextCursor: string | null;
}

/** @public */
export type RollupWithStage = OrgRollup & {
  stage: StageAssessment;
  /** Conforming production deployments; null while the platform has no standard. */
  conformance: { conforming: number; production: number } | null;
};

/** @public */
export interface OverviewResponse {
  generation: number | null;
  platforms: Array<{
    id: string;
    title: string;
    vendor?: string;
    /** Whole-company figures; null when the platform has no deployments. */
    rollup: RollupWithStage | null;
    /** The published standard's version; null when there is none. */
    referenceVersion: number | null;
    shadowRepositories: number;
    declaredWithoutConfiguration: number;
  }>;
}

/** A deployment as findings name it. @public */
export interface DeploymentSummary {
  id: string;
  name: string;
  entityRef?: string;
  teamRef?: string;
  environment?: string;
  repository?: string;
}

/** @public */
export type FindingWithDeployments = Finding & {
  platform: string;
  deployments: DeploymentSummary[];
};

/** What the analysis says about one platform as a whole. @public */
export interface PlatformSummary {
  platform: string;
  /** False when the fleet was too small to score (fewer than kmin). */
  scored: boolean;
  deployments: number;
  consensus: FacetConsensus[];
  rules: PairRule[];
  /**
   * Bars as counts: the deployments behind each bar (an id per deployment
   * per facet, megabytes a generation at 50,000 entities) are found by facet
   * filter when needed, not stored with every generation.
   */
  distributions: Record<string, FacetBarCount[]>;
  shadow: ShadowUsage[];
  declaredWithoutConfiguration: DeclaredWithoutConfiguration[];
}

/** A facet bar as served: a value and how many server deployments hold it. @public */
export type FacetBarCount = Omit<FacetBar, 'deploymentIds'>;

/** `GET /platforms/:platform/summary`: the summary with its bars as counts. @public */
export type PlatformSummaryResponse = PlatformSummary;

/** @public */
export interface RollupsResponse {
  items: RollupWithStage[];
  orgUnits: OrgUnitNode[];
}

/** @public */
export interface ScanStatusResponse {
  current: ScanRun | null;
  running: ScanRun | null;
  lastFailed: ScanRun | null;
}

/** @public */
export interface ScanProblemsResponse {
  items: ScanProblem[];
}

/** The aggregates history keeps per day, platform and org unit. */
export interface HistoryMetrics {
  deployments: number;
  production: number;
  teams: number;
  /** Production deployments conforming to the standard of that day; null without one. */
  conforming: number | null;
  /** Share of conforming production deployments, 0..1; null without a standard. */
  conformance: number | null;
  referenceVersion: number | null;
  snowflakes: number;
  positiveDeviants: number;
  distinctVersions: number;
  /** Deployments per version line ("7.0", "16"): the version spread over time. Absent in points recorded before it existed. */
  versionLines?: Record<string, number>;
  goldenPath: number;
}

/** A reference architecture version published or retired on a day, marked on history charts. */
export interface HistoryEvent {
  day: string;
  kind: 'published' | 'retired';
  version: number;
}

/** `GET /history`: a platform's daily points for one org unit, with publish events. */
export interface HistoryResponse {
  series: Array<{ day: string; metrics: HistoryMetrics }>;
  events: HistoryEvent[];
}
