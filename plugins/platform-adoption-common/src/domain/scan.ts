/** @public */
export type ScanStatus = 'running' | 'completed' | 'failed';

/**
 * What started a scan: the schedule or a person read everything; a push
 * scan reads only the repositories source control events named.
 *
 * @public
 */
export type ScanTrigger = 'schedule' | 'manual' | 'push';

/**
 * What a scan did, in numbers a person can check.
 *
 * @public
 */
export interface ScanStats {
  entities: number;
  repositories: number;
  /** Repositories whose content was read and parsed. */
  repositoriesRead: number;
  /** Repositories answered "not modified" for their etag: one conditional request each. */
  repositoriesUnchanged: number;
  /** Repositories that failed to read; their last good deployments were kept as stale. */
  repositoriesFailed: number;
  deployments: number;
  /** Snowflakes, positive deviants and team conventions the analysis reported. */
  findings: number;
  problems: number;
  durationMs: number;
}

/** @public */
export interface ScanRun {
  id: number;
  status: ScanStatus;
  trigger: ScanTrigger;
  startedAt: string;
  finishedAt?: string;
  stats?: ScanStats;
  error?: string;
}
