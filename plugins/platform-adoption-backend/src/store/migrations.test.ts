import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { connectDatabase } from './migrations';

/**
 * Replicas start together on one database: all of them come up with the
 * schema migrated once, none fails because another holds the migration lock.
 * (SQLite has no replicas: PostgreSQL only, when configured.)
 */
const describeWithPostgres = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ? describe : describe.skip;

describeWithPostgres('connectDatabase', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it('lets replicas migrate one PostgreSQL database at the same time', async () => {
    const first = await databases.init('POSTGRES_15');
    const replicas = [first, ...Array.from({ length: 2 }, () => knexFactory(first.client.config))];
    try {
      await Promise.all(replicas.map(knex => connectDatabase({ getClient: async () => knex } as any)));
      const applied = await first('knex_migrations').select('name');
      expect(new Set(applied.map(r => r.name)).size).toBe(applied.length);
      expect(await first.schema.hasColumn('scans', 'heartbeat_at')).toBe(true);
    } finally {
      await Promise.all(replicas.slice(1).map(knex => knex.destroy()));
    }
  }, 120_000);
});
