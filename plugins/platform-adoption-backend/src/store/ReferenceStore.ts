import { ConflictError } from '@backstage/errors';
import {
  ReferenceArchitectureContent,
  ReferenceArchitectureDraft,
  ReferenceArchitectureVersion,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';

function toVersion(row: any): ReferenceArchitectureVersion {
  return {
    ...JSON.parse(row.content),
    platform: row.platform,
    version: Number(row.version),
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    ...(row.retired_at ? { retiredAt: row.retired_at, retiredBy: row.retired_by } : {}),
  };
}

/**
 * Drafts are edited in place; publishing copies the draft into the next
 * numbered version, which is never changed again.
 */
export class ReferenceStore {
  constructor(private readonly db: Knex) {}

  async getDraft(platform: string): Promise<ReferenceArchitectureDraft | undefined> {
    const row = await this.db('reference_drafts').where({ platform }).first();
    if (!row) return undefined;
    return {
      ...JSON.parse(row.content),
      platform,
      ...(row.based_on_version ? { basedOnVersion: Number(row.based_on_version) } : {}),
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  async saveDraft(platform: string, content: ReferenceArchitectureContent, actor: string, basedOnVersion?: number) {
    await this.db('reference_drafts')
      .insert({
        platform,
        content: JSON.stringify(content),
        based_on_version: basedOnVersion ?? null,
        updated_by: actor,
        updated_at: new Date().toISOString(),
      })
      .onConflict('platform')
      .merge();
    return (await this.getDraft(platform))!;
  }

  async deleteDraft(platform: string) {
    return (await this.db('reference_drafts').where({ platform }).delete()) > 0;
  }

  async listVersions(platform?: string): Promise<ReferenceArchitectureVersion[]> {
    const query = this.db('reference_versions');
    if (platform) query.where({ platform });
    const rows = await query.orderBy([{ column: 'platform' }, { column: 'version', order: 'desc' }]);
    return rows.map(toVersion);
  }

  async getVersion(platform: string, version: number) {
    const row = await this.db('reference_versions').where({ platform, version }).first();
    return row ? toVersion(row) : undefined;
  }

  /** The standard of each platform: its newest published version, unless retired. */
  async standards(): Promise<Map<string, ReferenceArchitectureVersion>> {
    const rows = await this.db('reference_versions').orderBy('version', 'desc');
    const seen = new Set<string>();
    const result = new Map<string, ReferenceArchitectureVersion>();
    for (const row of rows) {
      if (seen.has(row.platform)) continue; // only the newest version counts
      seen.add(row.platform);
      if (!row.retired_at) result.set(row.platform, toVersion(row));
    }
    return result;
  }

  /** Publishes the draft as the next version, in one transaction. */
  async publish(platform: string, actor: string): Promise<ReferenceArchitectureVersion> {
    return this.db.transaction(async tx => {
      const draft = await tx('reference_drafts').where({ platform }).first();
      if (!draft) {
        throw new ConflictError(`there is no draft reference architecture for ${platform} to publish; save a draft first`);
      }
      const latest = await tx('reference_versions').where({ platform }).max<{ v: number | null }>('version as v').first();
      const version = Number(latest?.v ?? 0) + 1;
      await tx('reference_versions').insert({
        platform,
        version,
        content: draft.content,
        published_by: actor,
        published_at: new Date().toISOString(),
      });
      await tx('reference_drafts').where({ platform }).delete();
      return toVersion(await tx('reference_versions').where({ platform, version }).first());
    });
  }

  /** Retires the current standard: the platform has none until the next publication. */
  async retire(platform: string, actor: string) {
    const latest = await this.db('reference_versions').where({ platform }).orderBy('version', 'desc').first();
    if (!latest || latest.retired_at) {
      throw new ConflictError(`${platform} has no published reference architecture to retire`);
    }
    await this.db('reference_versions')
      .where({ platform, version: latest.version })
      .update({ retired_at: new Date().toISOString(), retired_by: actor });
    return toVersion(await this.db('reference_versions').where({ platform, version: latest.version }).first());
  }
}
