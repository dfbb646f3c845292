import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@platform-adoption/plugin-platform-adoption-backend',
  'migrations',
);

/**
 * The plugin's database client with its schema up to date, unless the
 * operator manages migrations (`database.migrations.skip`).
 */
export async function connectDatabase(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
