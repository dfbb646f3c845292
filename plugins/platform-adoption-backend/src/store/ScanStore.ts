import {
  DetectedDeployment,
  ScanProblem,
  ScanRun,
  ScanStats,
  ScanTrigger,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { chunks, insertRows } from './batch';
import { fromScanRow, ScanRow } from './rows';

export type RepositoryDetections = { deployments: DetectedDeployment[]; problems: ScanProblem[] };

/**
 * What a repository gave at its last good read, without its detections
 * (loaded only for the few repositories a scan has to resolve again).
 */
export interface RepositoryState {
  url: string;
  etag?: string;
  /** Fingerprint of the detectors that produced the detections. */
  detectors?: string;
  readAt?: string;
  /** Whether a good read was stored. */
  hasDetections: boolean;
  /** How many deployments the last good read found; undefined if not known. */
  deploymentCount?: number;
  /** The problems of the last good read, reported again while it is reused. */
  problems: ScanProblem[];
  error?: string;
}

/** One repository's good read, as a scan records it. */
export interface RepositoryReadRecord {
  url: string;
  etag: string;
  detectors: string;
  detections: RepositoryDetections;
}

const NO_PROBLEMS = '[]';

/**
 * Scan runs, their problems, and each repository's last good read (its etag
 * and detections), which makes unchanged repositories free and lets an
 * unreadable repository keep its deployments.
 */
export class ScanStore {
  constructor(private readonly db: Knex) {}

  async startScan(trigger: ScanTrigger): Promise<number> {
    const [row] = await this.db('scans')
      .insert({ status: 'running', trigger, started_at: new Date().toISOString() })
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  /** Notes a "Scan now" request for the scan task to take; returns its id. */
  async requestScan(): Promise<number> {
    const [row] = await this.db('scan_requests').insert({ requested_at: new Date().toISOString() }).returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  /** Drops a request the scheduler refused (a scan was running). */
  async withdrawRequest(id: number) {
    await this.db('scan_requests').where({ id }).delete();
  }

  /** Takes every waiting request: whether the scan about to start was asked for. */
  async takeScanRequests(): Promise<boolean> {
    return (await this.db('scan_requests').delete()) > 0;
  }

  async completeScan(id: number, stats: ScanStats) {
    await this.db('scans').where({ id }).update({
      status: 'completed',
      finished_at: new Date().toISOString(),
      stats: JSON.stringify(stats),
    });
  }

  /**
   * Whether a scan started after this one (the scheduler runs one at a time;
   * a stuck one may be overtaken). A full scan does not count push scans:
   * they give way to it instead.
   */
  async startedAfter(id: number, options: { exceptPush?: boolean } = {}): Promise<boolean> {
    const query = this.db('scans').where('id', '>', id);
    if (options.exceptPush) query.whereNot('trigger', 'push');
    return Boolean(await query.first('id'));
  }

  /** Whether a scan other than this one is running (a push scan never runs beside another scan). */
  async otherRunning(id?: number): Promise<boolean> {
    const query = this.db('scans').where({ status: 'running' });
    if (id !== undefined) query.whereNot('id', id);
    return Boolean(await query.first('id'));
  }

  async failScan(id: number, error: string) {
    await this.db('scans').where({ id }).update({
      status: 'failed',
      finished_at: new Date().toISOString(),
      error,
    });
  }

  /**
   * Scans left `running` by a process that died mid-scan are failed, so
   * status pages do not show a scan that will never finish. Called when a
   * full scan starts: the scheduler's global lock means no other full scan
   * is alive. Push scans run as their own task; a dead one is failed by the
   * watchdog once it stops beating.
   */
  async failAbandonedScans() {
    await this.db('scans')
      .where({ status: 'running' })
      .whereNot('trigger', 'push')
      .update({
        status: 'failed',
        finished_at: new Date().toISOString(),
        error: 'abandoned: the process running it stopped before it finished',
      });
  }

  /** A sign of life from the process running the scan (see scan/heartbeat.ts). */
  async beat() {
    await this.db('scans').where({ status: 'running' }).update({ heartbeat_at: new Date().toISOString() });
  }

  /**
   * Running scans with no sign of life since `cutoff` (an ISO timestamp; a
   * scan that never beat counts from its start).
   */
  private staleScans(cutoff: string) {
    return this.db('scans')
      .where({ status: 'running' })
      .andWhereRaw('coalesce(heartbeat_at, started_at) < ?', [cutoff]);
  }

  async countStaleScans(cutoff: string): Promise<number> {
    const row = await this.staleScans(cutoff).count<{ count: number | string }[]>('* as count').first();
    return Number(row?.count ?? 0);
  }

  /** Fails the stale running scans (see countStaleScans) with `error`; returns how many. */
  async failStaleScans(cutoff: string, error: string): Promise<number> {
    return this.staleScans(cutoff).update({ status: 'failed', finished_at: new Date().toISOString(), error });
  }

  async listScans(limit: number): Promise<ScanRun[]> {
    const rows: ScanRow[] = await this.db('scans').orderBy('id', 'desc').limit(limit);
    return rows.map(fromScanRow);
  }

  async getScan(id: number): Promise<ScanRun | undefined> {
    const row: ScanRow | undefined = await this.db('scans').where({ id }).first();
    return row ? fromScanRow(row) : undefined;
  }

  /** The generation the API serves: the newest completed scan. */
  async currentGeneration(): Promise<number | undefined> {
    const row = await this.db('scans')
      .where({ status: 'completed' })
      .max<{ id: number | null }>('id as id')
      .first();
    return row?.id ? Number(row.id) : undefined;
  }

  /**
   * What the API's cached answers depend on, in one cheap query (used by
   * service/ReadModel to validate its in-memory caches, so that a write by
   * another replica shows at once): the current generation, and counters
   * that only ever grow — reference versions published and retired,
   * exemptions granted and revoked (neither table ever loses rows).
   */
  async readToken(): Promise<{ generation: number | undefined; governance: string }> {
    // Plain SQL: it runs on every API request, and building it with the
    // query builder cost three times as much as running it.
    const result = await this.db.raw(`select
      (select max(id) from scans where status = 'completed') as generation,
      (select count(*) from reference_versions) as versions,
      (select count(retired_at) from reference_versions) as retired,
      (select count(*) from exemptions) as exemptions,
      (select count(revoked_at) from exemptions) as revoked`);
    // SQLite answers the rows, PostgreSQL { rows }, MySQL [rows, fields].
    let rows = Array.isArray(result) ? result : result?.rows;
    if (Array.isArray(rows?.[0])) rows = rows[0];
    const row = rows?.[0];
    return {
      generation: row?.generation ? Number(row.generation) : undefined,
      governance: [row?.versions, row?.retired, row?.exemptions, row?.revoked].map(Number).join('.'),
    };
  }

  async completedGenerations(): Promise<number[]> {
    const rows = await this.db('scans').where({ status: 'completed' }).orderBy('id', 'desc').select('id');
    return rows.map(r => Number(r.id));
  }

  async addProblems(scanId: number, problems: ScanProblem[]) {
    const rows = problems.map(p => ({
      scan_id: scanId,
      source: p.source,
      file: p.file ?? null,
      message: p.message,
    }));
    await insertRows(this.db, 'scan_problems', ['scan_id', 'source', 'file', 'message'], rows);
  }

  async listProblems(scanId: number, limit: number, offset: number) {
    const rows = await this.db('scan_problems')
      .where({ scan_id: scanId })
      .orderBy('id')
      .limit(limit)
      .offset(offset);
    return rows.map(r => ({
      source: r.source as string,
      file: (r.file as string | null) ?? undefined,
      message: r.message as string,
    }));
  }

  async deleteProblemsOfScans(scanIds: number[]) {
    if (scanIds.length) await this.db('scan_problems').whereIn('scan_id', scanIds).delete();
  }

  /** The stored state of every repository, or of these only. */
  async loadRepositoryStates(urls?: string[]): Promise<Map<string, RepositoryState>> {
    if (urls) {
      const states = new Map<string, RepositoryState>();
      for (const batch of chunks(urls, 500)) {
        for (const [url, state] of await this.repositoryStates(batch)) states.set(url, state);
      }
      return states;
    }
    return this.repositoryStates();
  }

  private async repositoryStates(urls?: string[]): Promise<Map<string, RepositoryState>> {
    const query = this.db('repositories');
    if (urls) query.whereIn('url', urls);
    const rows = await query.select(
      'url',
      'etag',
      'detectors',
      'read_at',
      'error',
      'problems',
      'deployment_count',
      this.db.raw('(case when detections is null then 0 else 1 end) as has_detections'),
    );
    const states = new Map<string, RepositoryState>();
    for (const r of rows) {
      states.set(r.url, {
        url: r.url,
        etag: r.etag ?? undefined,
        detectors: r.detectors ?? undefined,
        readAt: r.read_at ?? undefined,
        hasDetections: Boolean(Number(r.has_detections)),
        deploymentCount: r.deployment_count === null || r.deployment_count === undefined ? undefined : Number(r.deployment_count),
        problems: !r.problems || r.problems === NO_PROBLEMS ? [] : JSON.parse(r.problems),
        error: r.error ?? undefined,
      });
    }
    return states;
  }

  /** The stored detections of these repositories (those with a good read). */
  async loadDetections(urls: string[]): Promise<Map<string, RepositoryDetections>> {
    const result = new Map<string, RepositoryDetections>();
    for (let i = 0; i < urls.length; i += 500) {
      const rows = await this.db('repositories')
        .whereIn('url', urls.slice(i, i + 500))
        .whereNotNull('detections')
        .select('url', 'detections');
      for (const r of rows) result.set(r.url, JSON.parse(r.detections));
    }
    return result;
  }

  /** Many reads at once, in batches: a scan's reads are written together. */
  async saveRepositoryReads(reads: RepositoryReadRecord[]) {
    const readAt = new Date().toISOString();
    const rows = reads.map(r => ({
      url: r.url,
      etag: r.etag,
      detectors: r.detectors,
      read_at: readAt,
      detections: JSON.stringify(r.detections),
      problems: r.detections.problems.length ? JSON.stringify(r.detections.problems) : NO_PROBLEMS,
      deployment_count: r.detections.deployments.length,
      error: null,
      error_at: null,
    }));
    await this.db.transaction(tx =>
      insertRows(tx, 'repositories', Object.keys(rows[0] ?? {}), rows, { onConflict: 'url' }),
    );
  }

  /** Drops the stored reads of repositories no entity names any more. */
  async forgetRepositories(urls: string[]) {
    for (const batch of chunks(urls, 1000)) {
      await this.db('repositories').whereIn('url', batch).delete();
    }
  }

  /** Records a failed read without touching the last good detections. */
  async saveRepositoryError(url: string, error: string) {
    const now = new Date().toISOString();
    await this.db('repositories')
      .insert({ url, error, error_at: now })
      .onConflict('url')
      .merge(['error', 'error_at']);
  }
}
