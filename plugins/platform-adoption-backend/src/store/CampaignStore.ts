import { NotFoundError } from '@backstage/errors';
import { Campaign } from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

function toCampaign(row: any): Campaign {
  return {
    id: row.id,
    platform: row.platform,
    title: row.title,
    targetVersion: Number(row.target_version),
    scope: JSON.parse(row.scope),
    deadline: row.deadline,
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.closed_at ? { closedAt: row.closed_at } : {}),
  };
}

/** Campaigns and their daily per-team progress. */
export class CampaignStore {
  constructor(private readonly db: Knex) {}

  async create(input: Omit<Campaign, 'id' | 'createdAt' | 'closedAt'>): Promise<Campaign> {
    const id = randomUUID();
    await this.db('campaigns').insert({
      id,
      platform: input.platform,
      title: input.title,
      target_version: input.targetVersion,
      scope: JSON.stringify(input.scope),
      deadline: input.deadline,
      created_by: input.createdBy,
      created_at: new Date().toISOString(),
    });
    return this.get(id);
  }

  async get(id: string): Promise<Campaign> {
    const row = await this.db('campaigns').where({ id }).first();
    if (!row) throw new NotFoundError(`no campaign with id ${id}`);
    return toCampaign(row);
  }

  async list(filter: { platform?: string; open?: boolean }): Promise<Campaign[]> {
    const query = this.db('campaigns');
    if (filter.platform) query.where({ platform: filter.platform });
    if (filter.open) query.whereNull('closed_at');
    return (await query.orderBy('created_at', 'desc')).map(toCampaign);
  }

  async close(id: string) {
    await this.get(id);
    await this.db('campaigns').where({ id }).update({ closed_at: new Date().toISOString() });
    return this.get(id);
  }

  async recordProgress(campaignId: string, day: string, teams: Array<{ teamRef: string; nonconforming: number; total: number }>) {
    await this.db.transaction(async tx => {
      await tx('campaign_progress').where({ campaign_id: campaignId, day }).delete();
      if (teams.length) {
        await tx('campaign_progress').insert(
          teams.map(t => ({ campaign_id: campaignId, day, team_ref: t.teamRef, nonconforming: t.nonconforming, total: t.total })),
        );
      }
    });
  }

  async progress(campaignId: string) {
    const rows = await this.db('campaign_progress').where({ campaign_id: campaignId }).orderBy(['day', 'team_ref']);
    return rows.map(r => ({
      day: r.day as string,
      teamRef: r.team_ref as string,
      nonconforming: Number(r.nonconforming),
      total: Number(r.total),
    }));
  }
}
