import { HistoryMetrics } from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { chunks, insertRows } from './batch';

export type { HistoryMetrics };

export interface HistoryPoint {
  day: string;
  metrics: HistoryMetrics;
}

const WRITE_BATCH = 250;
/** Daily points for half a year, weekly ones (Mondays) until two years, nothing older. */
const DAILY_DAYS = 183;
const KEEP_DAYS = 2 * 366;

const keyOf = (platform: string, orgRef: string) => `${platform}\u0000${orgRef}`;

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * One snapshot per day: a later scan the same day replaces the earlier one,
 * so the size is bounded by days × platforms × org units, and thinned to
 * weekly points after six months.
 */
export class HistoryStore {
  /** The day's rows this process recorded last, and the fingerprint it recorded them with. */
  private lastRecorded?: { day: string; fingerprint: string; rows: Map<string, string> };

  constructor(private readonly db: Knex) {}

  /**
   * Replaces the day's snapshot. `fingerprint` names the inputs it was
   * computed from (see HistoryRecorder): a later recording from the same
   * inputs can be skipped.
   *
   * Only the rows that differ from what the day holds are written (each
   * then names `generation`, the one that last changed it): a later scan
   * the same day usually moves a few org units, and rewriting all of them
   * (3,000 rows at 50,000 entities) was most of what recording cost.
   */
  async record(
    day: string,
    generation: number,
    rows: Array<{ platform: string; orgRef: string; metrics: HistoryMetrics }>,
    fingerprint?: string,
  ) {
    const recorded = new Map<string, string>();
    await this.db.transaction(async tx => {
      const held = await this.heldRows(tx, day);
      const records = [];
      for (const r of rows) {
        const key = keyOf(r.platform, r.orgRef);
        const metrics = JSON.stringify(r.metrics);
        recorded.set(key, metrics);
        if (held.get(key) !== metrics) records.push({ day, platform: r.platform, org_ref: r.orgRef, generation, metrics });
        else held.delete(key);
      }
      // What is left held is either gone from the snapshot or about to be written anew.
      const replaced = [...held.keys()].map(key => key.split('\u0000'));
      for (const chunk of chunks(replaced, 500)) {
        await tx('history').where({ day }).whereIn(['platform', 'org_ref'], chunk).delete();
      }
      await insertRows(tx, 'history', ['day', 'platform', 'org_ref', 'generation', 'metrics'], records);
      await tx('history_days').where({ day }).delete();
      if (fingerprint) await tx('history_days').insert({ day, fingerprint });
    });
    this.lastRecorded = fingerprint ? { day, fingerprint, rows: recorded } : undefined;
  }

  /**
   * The day's rows as stored, by platform and org unit: what this process
   * recorded last when the day still carries its fingerprint (no other
   * replica recorded since), else read back.
   */
  private async heldRows(tx: Knex.Transaction, day: string): Promise<Map<string, string>> {
    const last = this.lastRecorded;
    if (last?.day === day) {
      const stored = await tx('history_days').where({ day }).first('fingerprint');
      if (stored?.fingerprint === last.fingerprint) return new Map(last.rows);
    }
    const held = new Map<string, string>();
    for (const r of await tx('history').where({ day }).select('platform', 'org_ref', 'metrics')) {
      held.set(keyOf(r.platform, r.org_ref), r.metrics);
    }
    return held;
  }

  /** The fingerprint of the inputs the day's snapshot was computed from, if known. */
  async fingerprint(day: string): Promise<string | undefined> {
    const row = await this.db('history_days').where({ day }).first('fingerprint');
    return row?.fingerprint ?? undefined;
  }

  async series(platform: string, orgRef: string, from?: string, to?: string): Promise<HistoryPoint[]> {
    const query = this.db('history').where({ platform, org_ref: orgRef });
    if (from) query.andWhere('day', '>=', from);
    if (to) query.andWhere('day', '<=', to);
    const rows = await query.orderBy('day');
    return rows.map(r => ({ day: r.day, metrics: JSON.parse(r.metrics) }));
  }

  async prune(today: Date) {
    const cutoff = dayOf(new Date(today.getTime() - KEEP_DAYS * 86400_000));
    await this.db('history').where('day', '<', cutoff).delete();
    await this.db('history_days').where('day', '<', cutoff).delete();
    const weekly = dayOf(new Date(today.getTime() - DAILY_DAYS * 86400_000));
    const old = await this.db('history').where('day', '<', weekly).distinct('day');
    const drop = old.map(r => r.day as string).filter(day => new Date(`${day}T00:00:00Z`).getUTCDay() !== 1);
    for (let i = 0; i < drop.length; i += WRITE_BATCH) {
      await this.db('history').whereIn('day', drop.slice(i, i + WRITE_BATCH)).delete();
      await this.db('history_days').whereIn('day', drop.slice(i, i + WRITE_BATCH)).delete();
    }
  }
}
