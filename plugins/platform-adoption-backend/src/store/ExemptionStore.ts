import { NotFoundError } from '@backstage/errors';
import { Exemption } from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

function toExemption(row: any): Exemption {
  return {
    id: row.id,
    platform: row.platform,
    deploymentId: row.deployment_id,
    facet: row.facet,
    justification: row.justification,
    author: row.author,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at, revokedBy: row.revoked_by } : {}),
  };
}

/** Exemptions are revoked, never deleted, so the record of who allowed what stays. */
export class ExemptionStore {
  constructor(private readonly db: Knex) {}

  async create(input: Omit<Exemption, 'id' | 'createdAt' | 'revokedAt' | 'revokedBy'>): Promise<Exemption> {
    const id = randomUUID();
    await this.db('exemptions').insert({
      id,
      platform: input.platform,
      deployment_id: input.deploymentId,
      facet: input.facet,
      justification: input.justification,
      author: input.author,
      created_at: new Date().toISOString(),
      expires_at: input.expiresAt,
    });
    return toExemption(await this.db('exemptions').where({ id }).first());
  }

  async list(filter: { platform?: string; deploymentId?: string }): Promise<Exemption[]> {
    const query = this.db('exemptions');
    if (filter.platform) query.where({ platform: filter.platform });
    if (filter.deploymentId) query.where({ deployment_id: filter.deploymentId });
    return (await query.orderBy('created_at', 'desc')).map(toExemption);
  }

  async revoke(id: string, actor: string): Promise<Exemption> {
    const updated = await this.db('exemptions')
      .where({ id })
      .whereNull('revoked_at')
      .update({ revoked_at: new Date().toISOString(), revoked_by: actor });
    const row = await this.db('exemptions').where({ id }).first();
    if (!row) throw new NotFoundError(`no exemption with id ${id}`);
    if (!updated && !row.revoked_at) throw new NotFoundError(`exemption ${id} could not be revoked`);
    return toExemption(row);
  }
}
