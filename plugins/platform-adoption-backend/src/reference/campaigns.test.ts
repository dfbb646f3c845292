import { TestDatabases } from '@backstage/backend-test-utils';
import { Deployment, PlatformDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import { createStores, Stores } from '../store/createStores';
import { testDatabaseIds } from '../__testUtils__/databases';
import { CampaignService } from './CampaignService';
import { ConformanceService } from './ConformanceService';
import { HistoryRecorder } from './HistoryRecorder';

const platform: PlatformDefinition = {
  id: 'redis',
  title: 'Redis',
  facets: [
    { id: 'environment', title: 'Environment', kind: 'nominal', weight: 0, context: 'strict' },
    { id: 'tls', title: 'TLS', kind: 'boolean', weight: 1, better: [false, true] },
  ],
};

function deployment(id: string, team: string, tls: boolean): Deployment {
  const evidence = { kind: 'file' as const, path: 'main.tf', line: 3 };
  return {
    id,
    platform: 'redis',
    kind: 'server',
    key: id,
    name: id,
    files: ['main.tf'],
    teamRef: `group:default/${team}`,
    environment: 'production',
    facets: { tls: { value: tls, evidence }, environment: { value: 'production', evidence } },
  };
}

/** Writes a completed scan generation holding `deployments`, as the scanner would. */
async function scan(stores: Stores, deployments: Deployment[]) {
  const id = await stores.scans.startScan('schedule');
  await stores.deployments.writeOrgUnits(id, [
    { ref: 'group:default/bank', title: 'Bank' },
    { ref: 'group:default/cards', parentRef: 'group:default/bank', title: 'Cards' },
    { ref: 'group:default/loans', parentRef: 'group:default/bank', title: 'Loans' },
  ]);
  await stores.deployments.writeGeneration(id, deployments);
  await stores.scans.completeScan(id, {
    entities: 0,
    repositories: 0,
    repositoriesRead: 0,
    repositoriesUnchanged: 0,
    repositoriesFailed: 0,
    deployments: deployments.length,
    findings: 0,
    problems: 0,
    durationMs: 1,
  });
  return id;
}

describe('campaign burn-down', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())('follows a sequence of scans and names the teams behind (%p)', async databaseId => {
    const knex = await databases.init(databaseId);
    const stores = await createStores({ getClient: async () => knex } as any);
    let now = new Date('2026-11-02T10:00:00Z');
    const clock = () => now;
    const platforms = () => [platform];
    const conformance = new ConformanceService({ ...stores, platforms, now: clock });
    const recorder = new HistoryRecorder({ ...stores, conformance, platforms, now: clock });
    const campaigns = new CampaignService({ ...stores, now: clock });

    await stores.references.saveDraft(
      'redis',
      { title: 'Redis', rationale: 'TLS everywhere', ownerRef: 'group:default/coe', facets: { tls: { requirement: { equals: true } } }, variants: [], practices: [] },
      'user:default/coe-lead',
    );
    await stores.references.publish('redis', 'user:default/coe-lead');
    const campaign = await campaigns.create({
      platform: 'redis',
      title: 'TLS on every Redis',
      targetVersion: 1,
      scope: ['group:default/bank'],
      deadline: '2026-11-12T00:00:00Z',
      createdBy: 'user:default/coe-lead',
    });

    // Day 1: cards has two clusters without TLS, loans one.
    await recorder.record(
      await scan(stores, [deployment('c1', 'cards', false), deployment('c2', 'cards', false), deployment('l1', 'loans', false)]),
    );
    // Day 6: loans fixed theirs; cards did nothing.
    now = new Date('2026-11-07T10:00:00Z');
    await recorder.record(
      await scan(stores, [deployment('c1', 'cards', false), deployment('c2', 'cards', false), deployment('l1', 'loans', true)]),
    );
    const midway = await campaigns.status(campaign.id);
    expect(midway.burnDown.map(p => [p.day, p.nonconforming])).toEqual([
      ['2026-11-02', 3],
      ['2026-11-07', 2],
    ]);
    expect(midway.teams).toEqual([
      expect.objectContaining({ teamRef: 'group:default/cards', nonconforming: 2, behind: true }),
      expect.objectContaining({ teamRef: 'group:default/loans', nonconforming: 0, behind: false }),
    ]);
    expect(midway.daysLeft).toBe(5);

    // Day 9: cards fixed one; a rescan the same day replaces the day's point.
    now = new Date('2026-11-09T08:00:00Z');
    await recorder.record(
      await scan(stores, [deployment('c1', 'cards', true), deployment('c2', 'cards', false), deployment('l1', 'loans', true)]),
    );
    now = new Date('2026-11-09T18:00:00Z');
    await recorder.record(
      await scan(stores, [deployment('c1', 'cards', true), deployment('c2', 'cards', true), deployment('l1', 'loans', true)]),
    );
    const done = await campaigns.status(campaign.id);
    expect(done.burnDown.map(p => p.nonconforming)).toEqual([3, 2, 0]);
    expect(done.teams.every(t => !t.behind)).toBe(true);

    const series = await stores.history.series('redis', '*');
    expect(series.map(p => [p.day, p.metrics.conforming])).toEqual([
      ['2026-11-02', 0],
      ['2026-11-07', 1],
      ['2026-11-09', 3],
    ]);
  });
});
