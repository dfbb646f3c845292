import {
  Deployment,
  ScanRun,
} from '@platform-adoption/plugin-platform-adoption-common';

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
}

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
