import {
  Finding,
  OrgRollup,
  PlatformSummary,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { insertRows } from './batch';

export type StoredFinding = Finding & { platform: string };

const FINDING_COLUMNS = [
  'generation',
  'platform',
  'kind',
  'deployment_id',
  'deployment_ids',
  'team_ref',
  'score',
  'reasons',
  'peers',
];

export interface FindingQuery {
  platform?: string;
  kind?: Finding['kind'];
  teamRefs?: string[];
  deploymentIds?: string[];
}

/**
 * A generation's summaries and rollups never change once written, and
 * readers only ask for completed generations, so the parsed rows of the
 * latest few are kept: the overview read and parsed about 1 MB of summaries
 * (at 10k entities) on every request just to count shadow usage.
 */
class GenerationCache<T> {
  private readonly entries = new Map<number, Promise<T>>();

  constructor(private readonly size = 2) {}

  get(generation: number, read: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(generation);
    if (!entry) {
      entry = read();
      this.entries.set(generation, entry);
      entry.catch(() => this.entries.delete(generation));
      const oldest = [...this.entries.keys()].sort((a, b) => a - b);
      while (this.entries.size > this.size) this.entries.delete(oldest.shift()!);
    }
    return entry;
  }
}

/** Findings, summaries and rollups of each generation. */
export class AnalysisStore {
  private readonly summaryCache = new GenerationCache<PlatformSummary[]>();
  private readonly rollupCache = new GenerationCache<OrgRollup[]>();
  private readonly sources = new Map<number, number>();

  constructor(private readonly db: Knex) {}

  async write(
    generation: number,
    analysis: { findings: StoredFinding[]; summaries: PlatformSummary[]; rollups: OrgRollup[] },
  ) {
    const findingRows = analysis.findings.map(f => ({
      generation,
      platform: f.platform,
      kind: f.kind,
      deployment_id: f.deploymentId,
      deployment_ids: f.deploymentIds ? JSON.stringify(f.deploymentIds) : null,
      team_ref: f.teamRef ?? null,
      score: f.score,
      reasons: JSON.stringify(f.reasons),
      peers: JSON.stringify(f.peers),
    }));
    const summaryRows = analysis.summaries.map(summary => ({
      generation,
      platform: summary.platform,
      summary: JSON.stringify(summary),
    }));
    const rollupRows = analysis.rollups.map(({ platform, orgRef, ...counts }) => ({
      generation,
      platform,
      org_ref: orgRef,
      counts: JSON.stringify(counts),
    }));
    // One transaction: a few multi-row statements instead of one commit per batch.
    await this.db.transaction(async tx => {
      await tx('generations').where({ generation }).update({ analysis_generation: generation });
      await insertRows(tx, 'findings', FINDING_COLUMNS, findingRows);
      await insertRows(tx, 'platform_summaries', ['generation', 'platform', 'summary'], summaryRows);
      await insertRows(tx, 'rollups', ['generation', 'platform', 'org_ref', 'counts'], rollupRows);
    });
    this.sources.set(generation, generation);
  }

  /**
   * Gives `generation` the analysis of `from` without copying it: for a
   * generation whose analysis would be computed from exactly the same
   * inputs. Its findings, summaries and rollups are those rows (which
   * pruning keeps while a generation shares them).
   */
  async reuse(from: number, generation: number): Promise<{ findings: number }> {
    const source = await this.sourceOf(from);
    await this.db('generations').where({ generation }).update({ analysis_generation: source });
    this.sources.set(generation, source);
    const [{ count }] = await this.db('findings').where({ generation: source }).count({ count: '*' });
    return { findings: Number(count) };
  }

  /** Records what a generation's analysis was computed from (see FleetAnalyzer). */
  async setAnalysisKey(generation: number, key: string) {
    await this.db('generations').where({ generation }).update({ analysis_key: key });
  }

  async analysisKey(generation: number): Promise<string | undefined> {
    const row = await this.db('generations').where({ generation }).first('analysis_key');
    return row?.analysis_key ?? undefined;
  }

  /**
   * The generation whose analysis rows `generation` uses: its own, or the
   * one it shares. Fixed once the generation is written, so it is cached;
   * a generation the registry does not know (yet) uses its own rows.
   */
  private async sourceOf(generation: number): Promise<number> {
    const cached = this.sources.get(generation);
    if (cached !== undefined) return cached;
    const row = await this.db('generations').where({ generation }).first('analysis_generation');
    if (row?.analysis_generation === null || row?.analysis_generation === undefined) return generation;
    const source = Number(row.analysis_generation);
    if (this.sources.size > 64) this.sources.clear();
    this.sources.set(generation, source);
    return source;
  }

  async findings(generation: number, q: FindingQuery): Promise<StoredFinding[]> {
    const query = this.db('findings').where({ generation: await this.sourceOf(generation) });
    if (q.platform) query.andWhere({ platform: q.platform });
    if (q.kind) query.andWhere({ kind: q.kind });
    if (q.teamRefs) query.whereIn('team_ref', q.teamRefs);
    if (q.deploymentIds) query.whereIn('deployment_id', q.deploymentIds);
    const rows = await query.orderBy([{ column: 'score', order: 'desc' }, { column: 'id' }]);
    return rows.map(r => ({
      platform: r.platform,
      kind: r.kind,
      deploymentId: r.deployment_id,
      ...(r.deployment_ids ? { deploymentIds: JSON.parse(r.deployment_ids) } : {}),
      teamRef: r.team_ref ?? undefined,
      score: Number(r.score),
      reasons: JSON.parse(r.reasons),
      peers: JSON.parse(r.peers),
    }));
  }

  async summary(generation: number, platform: string): Promise<PlatformSummary | undefined> {
    return (await this.summaries(generation)).find(s => s.platform === platform);
  }

  async summaries(generation: number): Promise<PlatformSummary[]> {
    const source = await this.sourceOf(generation);
    return this.summaryCache.get(source, async () => {
      const rows = await this.db('platform_summaries').where({ generation: source }).orderBy('platform');
      return rows.map(r => JSON.parse(r.summary));
    });
  }

  async rollups(generation: number, filter: { platform?: string; orgRefs?: string[] }): Promise<OrgRollup[]> {
    const source = await this.sourceOf(generation);
    const all = await this.rollupCache.get(source, async () => {
      const rows = await this.db('rollups').where({ generation: source }).orderBy(['platform', 'org_ref']);
      return rows.map(r => ({ platform: r.platform, orgRef: r.org_ref, ...JSON.parse(r.counts) }) as OrgRollup);
    });
    const orgRefs = filter.orgRefs ? new Set(filter.orgRefs) : undefined;
    return all.filter(r => (!filter.platform || r.platform === filter.platform) && (!orgRefs || orgRefs.has(r.orgRef)));
  }
}
