import { Knex } from 'knex';
import { chunks } from './batch';

/** A URL a source control event named, and when it last did. */
export interface RepositoryPush {
  url: string;
  pushedAt: string;
}

/**
 * Repositories a source control host said changed, waiting for a scan to
 * read them. Kept in the database, not in memory: the event reaches one
 * replica while the scan may run on another, or after a restart.
 */
export class PushStore {
  constructor(private readonly db: Knex) {}

  /** Notes URLs as pushed now; a URL noted again moves to the latest time. */
  async note(urls: string[]) {
    const pushedAt = new Date().toISOString();
    for (const batch of chunks([...new Set(urls)], 500)) {
      await this.db('repository_pushes')
        .insert(batch.map(url => ({ url, pushed_at: pushedAt })))
        .onConflict('url')
        .merge(['pushed_at']);
    }
  }

  /** Whether any push waits, without reading them all. */
  async waiting(): Promise<boolean> {
    return Boolean(await this.db('repository_pushes').first('url'));
  }

  async pending(): Promise<RepositoryPush[]> {
    const rows = await this.db('repository_pushes').select('url', 'pushed_at').orderBy('url');
    return rows.map(row => ({ url: row.url, pushedAt: row.pushed_at }));
  }

  /**
   * Forgets pushes a scan has read after. A URL pushed again since the scan
   * took it (a later `pushedAt`) stays for the next one.
   */
  async settle(pushes: RepositoryPush[]) {
    for (const batch of chunks(pushes, 200)) {
      await this.db('repository_pushes')
        .where(builder => {
          for (const push of batch) builder.orWhere({ url: push.url, pushed_at: push.pushedAt });
        })
        .delete();
    }
  }
}
