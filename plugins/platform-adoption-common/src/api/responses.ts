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
  distributions: Record<string, FacetBar[]>;
  shadow: ShadowUsage[];
  declaredWithoutConfiguration: DeclaredWithoutConfiguration[];
}

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
