import {
  Deployment,
  ScanRun,
} from '@platform-adoption/plugin-platform-adoption-common';
import { createHash } from 'node:crypto';

/** A `deployments` row: JSON columns are text so SQLite and PostgreSQL agree. */
export interface DeploymentRow {
  generation: number;
  id: string;
  platform: string;
  kind: string;
  name: string;
  deployment_key: string;
  entity_ref: string | null;
  repository: string | null;
  owner_ref: string | null;
  team_ref: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  environment: string | null;
  declared_by: string | null;
  files: string;
  facets: string;
  stale: boolean | number;
  stale_reason: string | null;
  golden_path?: string | null;
  /** First generation without this row (exclusive); OPEN_GENERATION while current. */
  until_generation?: number;
  row_hash?: string | null;
  source_hash?: string | null;
}

/** `until_generation` of a row no generation has replaced yet (the largest 32-bit integer). */
export const OPEN_GENERATION = 2147483647;

export interface ScanRow {
  id: number;
  status: string;
  trigger: string;
  started_at: string;
  finished_at: string | null;
  stats: string | null;
  error: string | null;
}

const orNull = <T>(value: T | undefined): T | null => value ?? null;
const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

export function toDeploymentRow(generation: number, d: Deployment): DeploymentRow {
  return {
    generation,
    id: d.id,
    platform: d.platform,
    kind: d.kind,
    name: d.name,
    deployment_key: d.key,
    entity_ref: orNull(d.entityRef),
    repository: orNull(d.repository),
    owner_ref: orNull(d.ownerRef),
    team_ref: orNull(d.teamRef),
    system_ref: orNull(d.systemRef),
    domain_ref: orNull(d.domainRef),
    environment: orNull(d.environment),
    declared_by: orNull(d.declaredBy),
    files: JSON.stringify(d.files),
    facets: JSON.stringify(d.facets),
    stale: Boolean(d.stale),
    stale_reason: orNull(d.staleReason),
    golden_path: d.goldenPath ? JSON.stringify(d.goldenPath) : null,
  };
}

/**
 * A hash of everything a row says about its deployment (not which
 * generations it is valid in): equal hashes mean an identical row, which a
 * scan carries instead of writing it again.
 */
export function deploymentRowHash(row: DeploymentRow): string {
  return createHash('sha1')
    .update(
      JSON.stringify([
        row.id,
        row.platform,
        row.kind,
        row.name,
        row.deployment_key,
        row.entity_ref,
        row.repository,
        row.owner_ref,
        row.team_ref,
        row.system_ref,
        row.domain_ref,
        row.environment,
        row.declared_by,
        row.files,
        row.facets,
        Boolean(row.stale),
        row.stale_reason,
        row.golden_path ?? null,
      ]),
    )
    .digest('hex')
    .slice(0, 24);
}

export function fromDeploymentRow(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    platform: row.platform,
    kind: row.kind as Deployment['kind'],
    name: row.name,
    key: row.deployment_key,
    entityRef: orUndefined(row.entity_ref),
    repository: orUndefined(row.repository),
    ownerRef: orUndefined(row.owner_ref),
    teamRef: orUndefined(row.team_ref),
    systemRef: orUndefined(row.system_ref),
    domainRef: orUndefined(row.domain_ref),
    environment: orUndefined(row.environment),
    declaredBy: orUndefined(row.declared_by),
    files: JSON.parse(row.files),
    facets: JSON.parse(row.facets),
    ...(row.stale
      ? { stale: true, staleReason: orUndefined(row.stale_reason) }
      : {}),
    ...(row.golden_path ? { goldenPath: JSON.parse(row.golden_path) } : {}),
  };
}

export function fromScanRow(row: ScanRow): ScanRun {
  return {
    id: Number(row.id),
    status: row.status as ScanRun['status'],
    trigger: row.trigger as ScanRun['trigger'],
    startedAt: row.started_at,
    finishedAt: orUndefined(row.finished_at),
    stats: row.stats ? JSON.parse(row.stats) : undefined,
    error: orUndefined(row.error),
  };
}

/** Facet values are stored JSON-encoded so `true`, `3` and `"3"` stay distinct. */
export const encodeFacetValue = (value: unknown) => JSON.stringify(value);
