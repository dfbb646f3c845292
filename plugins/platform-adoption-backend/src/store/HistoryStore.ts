import { Knex } from 'knex';

/** The aggregates history keeps per day, platform and org unit. */
export interface HistoryMetrics {
  deployments: number;
  production: number;
  teams: number;
  /** Production deployments conforming to the standard of that day; null without one. */
  conforming: number | null;
  conformance: number | null;
  referenceVersion: number | null;
  snowflakes: number;
  positiveDeviants: number;
  distinctVersions: number;
  goldenPath: number;
}

export interface HistoryPoint {
  day: string;
  metrics: HistoryMetrics;
}

const WRITE_BATCH = 250;
/** Daily points for half a year, weekly ones (Mondays) until two years, nothing older. */
const DAILY_DAYS = 183;
const KEEP_DAYS = 2 * 366;

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * One snapshot per day: a later scan the same day replaces the earlier one,
 * so the size is bounded by days × platforms × org units, and thinned to
 * weekly points after six months.
 */
export class HistoryStore {
  constructor(private readonly db: Knex) {}

  async record(day: string, generation: number, rows: Array<{ platform: string; orgRef: string; metrics: HistoryMetrics }>) {
    const records = rows.map(r => ({
      day,
      platform: r.platform,
      org_ref: r.orgRef,
      generation,
      metrics: JSON.stringify(r.metrics),
    }));
    await this.db.transaction(async tx => {
      await tx('history').where({ day }).delete();
      for (let i = 0; i < records.length; i += WRITE_BATCH) {
        await tx('history').insert(records.slice(i, i + WRITE_BATCH));
      }
    });
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
    const weekly = dayOf(new Date(today.getTime() - DAILY_DAYS * 86400_000));
    const old = await this.db('history').where('day', '<', weekly).distinct('day');
    const drop = old.map(r => r.day as string).filter(day => new Date(`${day}T00:00:00Z`).getUTCDay() !== 1);
    for (let i = 0; i < drop.length; i += WRITE_BATCH) {
      await this.db('history').whereIn('day', drop.slice(i, i + WRITE_BATCH)).delete();
    }
  }
}
