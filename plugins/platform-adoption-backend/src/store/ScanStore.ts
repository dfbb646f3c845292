import {
  DetectedDeployment,
  ScanProblem,
  ScanRun,
  ScanStats,
  ScanTrigger,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { fromScanRow, ScanRow } from './rows';

/** What a repository gave at its last good read. */
export interface RepositoryState {
  url: string;
  etag?: string;
  /** Fingerprint of the detectors that produced `detections`. */
  detectors?: string;
  readAt?: string;
  detections?: { deployments: DetectedDeployment[]; problems: ScanProblem[] };
  error?: string;
}

/** One repository's good read, as a scan records it. */
export interface RepositoryReadRecord {
  url: string;
  etag: string;
  detectors: string;
  detections: NonNullable<RepositoryState['detections']>;
}

const PROBLEM_BATCH = 200;
const REPOSITORY_BATCH = 100;

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

  async completeScan(id: number, stats: ScanStats) {
    await this.db('scans').where({ id }).update({
      status: 'completed',
      finished_at: new Date().toISOString(),
      stats: JSON.stringify(stats),
    });
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
   * scan starts: the scheduler's global lock means no other scan is alive.
   */
  async failAbandonedScans() {
    await this.db('scans')
      .where({ status: 'running' })
      .update({
        status: 'failed',
        finished_at: new Date().toISOString(),
        error: 'abandoned: the process running it stopped before it finished',
      });
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
    for (let i = 0; i < rows.length; i += PROBLEM_BATCH) {
      await this.db('scan_problems').insert(rows.slice(i, i + PROBLEM_BATCH));
    }
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

  async loadRepositoryStates(): Promise<Map<string, RepositoryState>> {
    const rows = await this.db('repositories').select();
    return new Map(
      rows.map(r => [
        r.url as string,
        {
          url: r.url,
          etag: r.etag ?? undefined,
          detectors: r.detectors ?? undefined,
          readAt: r.read_at ?? undefined,
          detections: r.detections ? JSON.parse(r.detections) : undefined,
          error: r.error ?? undefined,
        },
      ]),
    );
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
      error: null,
      error_at: null,
    }));
    for (let i = 0; i < rows.length; i += REPOSITORY_BATCH) {
      await this.db('repositories').insert(rows.slice(i, i + REPOSITORY_BATCH)).onConflict('url').merge();
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
