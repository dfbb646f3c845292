import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@platform-adoption/plugin-platform-adoption-backend',
  'migrations',
);

/** How long a replica waits for another one's migrations before giving up. */
const MIGRATION_LOCK_WAIT_MS = 5 * 60_000;

/**
 * The plugin's database client with its schema up to date, unless the
 * operator manages migrations (`database.migrations.skip`).
 */
export async function connectDatabase(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await migrateLatest(client);
  }
  return client;
}

/**
 * Replicas starting together (a fresh install, or an upgrade that brings a
 * migration) race for knex's migration lock, and knex fails the losers at
 * once; they wait for the winner's migrations instead of failing start-up.
 * On a fresh database they also race to create knex's own two tables.
 */
async function migrateLatest(client: Knex) {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      const locked = (error as Error)?.name === 'MigrationLocked';
      const creatingKnexTables = /knex_migrations/.test(String((error as Error)?.message)) && attempt < 5;
      if (!(locked || creatingKnexTables) || Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}
