import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

/** CI sets it; without it the tests run on SQLite files. */
export const POSTGRES_URL = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

/**
 * A database that outlives the backend processes using it: PostgreSQL
 * databases with a unique prefix (one per plugin, as deployed), or SQLite
 * files in a folder (in-memory SQLite would die with the process, and a
 * killed process is what some tests are about).
 */
export interface TestDatabase {
  kind: 'postgres' | 'sqlite';
  /** `backend.database` for the app-config. */
  config: Record<string, unknown>;
  /** A client on one plugin's database, to look inside it. */
  pluginClient(pluginId: string): Knex;
  /** Closes the clients and removes every database or file it made. */
  destroy(): Promise<void>;
}

export function createTestDatabase(kind: 'postgres' | 'sqlite', workDir: string): TestDatabase {
  const clients: Knex[] = [];
  if (kind === 'postgres') {
    if (!POSTGRES_URL) throw new Error('BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set');
    const prefix = `pa_reliability_${randomBytes(4).toString('hex')}_`;
    const connectTo = (database: string) => {
      const url = new URL(POSTGRES_URL);
      url.pathname = `/${database}`;
      const client = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 2 } });
      clients.push(client);
      return client;
    };
    return {
      kind,
      config: { client: 'pg', connection: POSTGRES_URL, prefix, pluginDivisionMode: 'database' },
      pluginClient: pluginId => connectTo(`${prefix}${pluginId}`),
      destroy: async () => {
        await Promise.all(clients.splice(0).map(c => c.destroy()));
        const admin = connectTo('postgres');
        try {
          const { rows } = await admin.raw('select datname from pg_database where datname like ?', [`${prefix}%`]);
          for (const { datname } of rows) {
            await admin.raw('drop database if exists ?? with (force)', [datname]);
          }
        } finally {
          await admin.destroy();
        }
      },
    };
  }
  const directory = path.join(workDir, 'sqlite');
  fs.mkdirSync(directory, { recursive: true });
  return {
    kind,
    config: { client: 'better-sqlite3', connection: { directory } },
    pluginClient: pluginId => {
      const client = knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(directory, `${pluginId}.sqlite`) },
        useNullAsDefault: true,
      });
      clients.push(client);
      return client;
    },
    destroy: async () => {
      await Promise.all(clients.splice(0).map(c => c.destroy()));
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
