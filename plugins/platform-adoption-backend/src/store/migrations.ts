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
 * Arbitrary but fixed: the advisory lock that serializes this plugin's
 * migrations across replicas of one PostgreSQL database.
 */
const MIGRATION_ADVISORY_LOCK = 7_412_903_118;

/**
 * Replicas starting together (a fresh install, or an upgrade that brings a
 * migration) race for knex's migration lock, and knex fails the losers at
 * once. Worse, on a fresh database they race to create knex's own tables and
 * can insert two rows into its lock table, after which knex can never take
 * the lock again ("Migration table is already locked" forever). On
 * PostgreSQL the replicas therefore queue on an advisory lock held for the
 * whole migration; elsewhere they retry until the winner is done.
 */
async function migrateLatest(client: Knex) {
  if (client.client.config.client === 'pg') {
    await client.transaction(async lock => {
      await lock.raw('select pg_advisory_xact_lock(?)', [MIGRATION_ADVISORY_LOCK]);
      await repairDuplicatedLockRows(client);
      await client.migrate.latest({ directory: migrationsDir });
    });
    return;
  }
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

/**
 * Databases left by the old race hold two unlocked rows in knex's lock table;
 * knex locks by updating exactly one row, so it needs the extra ones gone.
 * Only ever called while holding the advisory lock, so no migration runs.
 */
async function repairDuplicatedLockRows(client: Knex) {
  if (!(await client.schema.hasTable('knex_migrations_lock'))) return;
  const rows: Array<{ index: number; is_locked: number }> = await client('knex_migrations_lock').select('index', 'is_locked');
  if (rows.length <= 1 || rows.some(row => Number(row.is_locked) !== 0)) return;
  const keep = Math.min(...rows.map(row => Number(row.index)));
  await client('knex_migrations_lock').whereNot('index', keep).delete();
}
