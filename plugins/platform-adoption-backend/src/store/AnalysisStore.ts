import {
  Finding,
  OrgRollup,
  PlatformSummary,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';


const WRITE_BATCH = 250;

export type StoredFinding = Finding & { platform: string };

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
    for (let i = 0; i < findingRows.length; i += WRITE_BATCH) {
      await this.db('findings').insert(findingRows.slice(i, i + WRITE_BATCH));
    }
    for (const summary of analysis.summaries) {
      await this.db('platform_summaries').insert({
        generation,
        platform: summary.platform,
        summary: JSON.stringify(summary),
      });
    }
    const rollupRows = analysis.rollups.map(({ platform, orgRef, ...counts }) => ({
      generation,
      platform,
      org_ref: orgRef,
      counts: JSON.stringify(counts),
    }));
    for (let i = 0; i < rollupRows.length; i += WRITE_BATCH) {
      await this.db('rollups').insert(rollupRows.slice(i, i + WRITE_BATCH));
    }
  }

  async findings(generation: number, q: FindingQuery): Promise<StoredFinding[]> {
    const query = this.db('findings').where({ generation });
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
    return this.summaryCache.get(generation, async () => {
      const rows = await this.db('platform_summaries').where({ generation }).orderBy('platform');
      return rows.map(r => JSON.parse(r.summary));
    });
  }

  async rollups(generation: number, filter: { platform?: string; orgRefs?: string[] }): Promise<OrgRollup[]> {
    const all = await this.rollupCache.get(generation, async () => {
      const rows = await this.db('rollups').where({ generation }).orderBy(['platform', 'org_ref']);
      return rows.map(r => ({ platform: r.platform, orgRef: r.org_ref, ...JSON.parse(r.counts) }) as OrgRollup);
    });
    const orgRefs = filter.orgRefs ? new Set(filter.orgRefs) : undefined;
    return all.filter(r => (!filter.platform || r.platform === filter.platform) && (!orgRefs || orgRefs.has(r.orgRef)));
  }
}
