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

/** Findings, summaries and rollups of each generation. */
export class AnalysisStore {
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
    const row = await this.db('platform_summaries').where({ generation, platform }).first();
    return row ? JSON.parse(row.summary) : undefined;
  }

  async summaries(generation: number): Promise<PlatformSummary[]> {
    const rows = await this.db('platform_summaries').where({ generation }).orderBy('platform');
    return rows.map(r => JSON.parse(r.summary));
  }

  async rollups(generation: number, filter: { platform?: string; orgRefs?: string[] }): Promise<OrgRollup[]> {
    const query = this.db('rollups').where({ generation });
    if (filter.platform) query.andWhere({ platform: filter.platform });
    if (filter.orgRefs) query.whereIn('org_ref', filter.orgRefs);
    const rows = await query.orderBy(['platform', 'org_ref']);
    return rows.map(r => ({ platform: r.platform, orgRef: r.org_ref, ...JSON.parse(r.counts) }));
  }
}
