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

  async function migrateTogether(replicaCount: number) {
    const first = await databases.init('POSTGRES_15');
    const others = Array.from({ length: replicaCount - 1 }, () => knexFactory(first.client.config));
    try {
      await Promise.all([first, ...others].map(knex => connectDatabase({ getClient: async () => knex } as any)));
    } finally {
      await Promise.all(others.map(knex => knex.destroy()));
    }
    return first;
  }

  // The race on knex's own tables did not lose every time: several fresh
  // databases make a regression show up in one run.
  it('lets replicas migrate one fresh PostgreSQL database at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const database = await migrateTogether(5);
      const applied = await database('knex_migrations').select('name');
      expect(new Set(applied.map(r => r.name)).size).toBe(applied.length);
      expect(await database.schema.hasColumn('scans', 'heartbeat_at')).toBe(true);
      expect(await database('knex_migrations_lock').select('*')).toEqual([{ index: expect.anything(), is_locked: 0 }]);
    }
  }, 60_000);

  it('starts on a database an earlier race left with two lock rows', async () => {
    const database = await databases.init('POSTGRES_15');
    await database.schema.createTable('knex_migrations_lock', table => {
      table.increments('index').primary();
      table.integer('is_locked');
    });
    await database('knex_migrations_lock').insert([{ is_locked: 0 }, { is_locked: 0 }]);

    await connectDatabase({ getClient: async () => database } as any);

    expect(await database.schema.hasColumn('scans', 'heartbeat_at')).toBe(true);
    expect(await database('knex_migrations_lock').count({ n: '*' })).toEqual([{ n: '1' }]);
  }, 60_000);
});
