import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '../__testUtils__/databases';
import { connectDatabase } from './migrations';
import { HistoryMetrics, HistoryStore } from './HistoryStore';

const metrics = (deployments: number): HistoryMetrics => ({
  deployments,
  production: deployments,
  teams: 1,
  conforming: null,
  conformance: null,
  referenceVersion: null,
  snowflakes: 0,
  positiveDeviants: 0,
  distinctVersions: 1,
  goldenPath: 0,
});

describe('HistoryStore', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'replaces the day on a later recording, moved, new and vanished org units alike (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await connectDatabase({ getClient: async () => knex } as any);
      const history = new HistoryStore(knex);
      const at = (orgRef: string) => history.series('mongodb', orgRef);

      await history.record('2026-11-23', 1, [
        { platform: 'mongodb', orgRef: 'group:default/payments', metrics: metrics(3) },
        { platform: 'mongodb', orgRef: 'group:default/cards', metrics: metrics(2) },
      ]);
      await history.record('2026-11-24', 2, [
        { platform: 'mongodb', orgRef: 'group:default/payments', metrics: metrics(3) },
        { platform: 'mongodb', orgRef: 'group:default/cards', metrics: metrics(2) },
        { platform: 'mongodb', orgRef: 'group:default/ledger', metrics: metrics(1) },
      ]);
      // Later the same day: payments grows, cards is unchanged, ledger is gone, risk is new.
      await history.record(
        '2026-11-24',
        3,
        [
          { platform: 'mongodb', orgRef: 'group:default/payments', metrics: metrics(4) },
          { platform: 'mongodb', orgRef: 'group:default/cards', metrics: metrics(2) },
          { platform: 'mongodb', orgRef: 'group:default/risk', metrics: metrics(5) },
        ],
        'inputs-3',
      );

      const counts = async (orgRef: string) => (await at(orgRef)).map(p => [p.day, p.metrics.deployments]);
      expect(await counts('group:default/payments')).toEqual([['2026-11-23', 3], ['2026-11-24', 4]]);
      expect(await counts('group:default/cards')).toEqual([['2026-11-23', 2], ['2026-11-24', 2]]);
      expect(await counts('group:default/ledger')).toEqual([]);
      expect(await counts('group:default/risk')).toEqual([['2026-11-24', 5]]);
      expect(await history.fingerprint('2026-11-24')).toBe('inputs-3');
      expect(await history.fingerprint('2026-11-23')).toBeUndefined();

      // Another replica records the day meanwhile: this one does not build on what it recorded itself.
      await new HistoryStore(knex).record(
        '2026-11-24',
        4,
        [
          { platform: 'mongodb', orgRef: 'group:default/payments', metrics: metrics(6) },
          { platform: 'mongodb', orgRef: 'group:default/ledger', metrics: metrics(2) },
        ],
        'inputs-4',
      );
      await history.record(
        '2026-11-24',
        5,
        [
          { platform: 'mongodb', orgRef: 'group:default/payments', metrics: metrics(4) },
          { platform: 'mongodb', orgRef: 'group:default/cards', metrics: metrics(2) },
        ],
        'inputs-5',
      );
      expect(await counts('group:default/payments')).toEqual([['2026-11-23', 3], ['2026-11-24', 4]]);
      expect(await counts('group:default/ledger')).toEqual([]);
      // And once more from this replica, on top of its own recording.
      await history.record(
        '2026-11-24',
        6,
        [{ platform: 'mongodb', orgRef: 'group:default/cards', metrics: metrics(3) }],
        'inputs-6',
      );
      expect(await counts('group:default/payments')).toEqual([['2026-11-23', 3]]);
      expect(await counts('group:default/ledger')).toEqual([]);
      expect(await counts('group:default/cards')).toEqual([['2026-11-23', 2], ['2026-11-24', 3]]);
    },
    60_000,
  );
});
