import { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL 15 when a server is configured through
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (CI starts one), so
 * a developer without PostgreSQL still runs the SQLite half.
 */
export function testDatabaseIds(): TestDatabaseId[] {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING) {
    ids.push('POSTGRES_15');
  }
  return ids;
}
