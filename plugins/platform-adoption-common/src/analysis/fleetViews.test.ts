import { Deployment } from '../domain/deployment';
import { PlatformDefinition } from '../domain/platform';
import { facetDistributions } from './distributions';
import { OrgIndex } from './organization';
import { rollUp } from './rollups';
import { shadowAdoption } from './shadow';
import { adoptionStage } from './stages';

const evidence = { kind: 'file' as const, path: 'main.tf', line: 1 };
function deployment(id: string, extra: Partial<Deployment>, facets: Record<string, any> = {}): Deployment {
  return {
    id,
    platform: 'mongodb',
    kind: 'server',
    key: id,
    name: id,
    files: [],
    facets: Object.fromEntries(Object.entries(facets).map(([k, value]) => [k, { value, evidence }])),
    ...extra,
  };
}

const org = new OrgIndex([
  { ref: 'group:default/bank', title: 'Bank' },
  { ref: 'group:default/payments', parentRef: 'group:default/bank', title: 'Payments' },
  { ref: 'group:default/ledger', parentRef: 'group:default/payments', title: 'Ledger' },
  { ref: 'group:default/cards', parentRef: 'group:default/payments', title: 'Cards' },
  // a cycle in the catalog must not hang a rollup
  { ref: 'group:default/loop-a', parentRef: 'group:default/loop-b', title: 'A' },
  { ref: 'group:default/loop-b', parentRef: 'group:default/loop-a', title: 'B' },
]);

describe('rollUp', () => {
  it('counts each deployment in its team and every ancestor', () => {
    const rollups = rollUp(
      [
        deployment('a', {
          teamRef: 'group:default/ledger',
          environment: 'production',
          repository: 'r1',
          declaredBy: 'resource:default/x',
          goldenPath: { template: 'template:default/mongodb-golden-path', platform: 'mongodb', referenceVersion: 1 },
        }),
        deployment('b', { teamRef: 'group:default/cards', environment: 'staging', repository: 'r2' }),
        deployment('c', { teamRef: 'group:default/cards', kind: 'client', repository: 'r3' }),
        deployment('d', { teamRef: 'group:default/loop-a', environment: 'production' }),
      ],
      [{ kind: 'snowflake', deploymentId: 'b', platform: 'mongodb', score: 0.5, reasons: [], peers: { context: {}, size: 5 } }],
      org,
    );
    const payments = rollups.find(r => r.orgRef === 'group:default/payments')!;
    expect(payments).toMatchObject({
      deployments: 2,
      production: 1,
      nonProduction: 1,
      clients: 1,
      teams: 2,
      productionTeams: 1,
      snowflakes: 1,
      declared: 1,
      detected: 3,
      goldenPath: 1,
    });
    expect(rollups.find(r => r.orgRef === 'group:default/bank')?.deployments).toBe(2);
    expect(rollups.find(r => r.orgRef === '*')).toMatchObject({ deployments: 3, teams: 3 });
    expect(rollups.find(r => r.orgRef === 'group:default/loop-b')?.deployments).toBe(1);
  });
});

describe('adoptionStage', () => {
  it.each([
    [{ production: 0, nonProduction: 2, productionTeams: 0, referencePublished: false }, 'exploring'],
    [{ production: 3, nonProduction: 0, productionTeams: 1, referencePublished: false }, 'first-team'],
    [{ production: 6, nonProduction: 1, productionTeams: 3, referencePublished: false }, 'multi-team'],
    [{ production: 10, nonProduction: 0, productionTeams: 4, referencePublished: true, conforming: 5 }, 'standardizing'],
    [{ production: 10, nonProduction: 0, productionTeams: 4, referencePublished: true, conforming: 8 }, 'enterprise-standard'],
  ])('%o is %s', (input, stage) => {
    expect(adoptionStage(input).stage).toBe(stage);
  });

  it('explains the stage with its numbers', () => {
    const result = adoptionStage({ production: 10, nonProduction: 0, productionTeams: 4, referencePublished: true, conforming: 5 });
    expect(result.because).toContain('5 of 10 production deployments (50%)');
    expect(result.because).toContain('80%');
  });
});

describe('shadowAdoption', () => {
  it('lists undeclared repository usage and declared resources with nothing found', () => {
    const { shadow, declaredWithoutConfiguration } = shadowAdoption([
      deployment('a', { repository: 'https://git/x/', declaredBy: 'resource:default/db' }),
      deployment('b', { repository: 'https://git/y/', kind: 'client' }),
      deployment('c', { repository: 'https://git/y/' }),
      deployment('d', { declaredBy: 'resource:default/orphan' }),
    ]);
    expect(shadow).toEqual([
      expect.objectContaining({ repository: 'https://git/y/', kinds: ['client', 'server'], deploymentIds: ['b', 'c'] }),
    ]);
    expect(declaredWithoutConfiguration).toEqual([
      expect.objectContaining({ resourceRef: 'resource:default/orphan', deploymentId: 'd' }),
    ]);
  });
});

describe('facetDistributions', () => {
  const platform: PlatformDefinition = {
    id: 'mongodb',
    title: 'MongoDB',
    facets: [
      { id: 'version', title: 'Version', kind: 'version', weight: 0.7 },
      { id: 'backup', title: 'Backup', kind: 'ordinal', weight: 1 },
    ],
  };
  it('groups versions by release line and keeps unknown values visible', () => {
    const bars = facetDistributions(platform, [
      deployment('a', {}, { version: '7.0.14', backup: 'snapshot' }),
      deployment('b', {}, { version: '7.0.2', backup: 'snapshot' }),
      deployment('c', {}, { version: 'unknown' }),
    ]);
    expect(bars.version).toEqual([
      { value: '7.0', count: 2, deploymentIds: ['a', 'b'] },
      { value: 'unknown', count: 1, deploymentIds: ['c'] },
    ]);
    expect(bars.backup.map(b => [b.value, b.count])).toEqual([
      ['snapshot', 2],
      ['unknown', 1],
    ]);
  });
});
