import { Deployment } from '../domain/deployment';
import { PlatformDefinition } from '../domain/platform';
import { Exemption, ReferenceArchitectureVersion } from '../domain/reference';
import { activeExemptions, conformanceOf } from './conformance';
import { deriveReference } from './derive';
import { diffReferences } from './diff';

const platform: PlatformDefinition = {
  id: 'mongodb',
  title: 'MongoDB',
  facets: [
    { id: 'environment', title: 'Environment', kind: 'nominal', weight: 0, context: 'strict' },
    { id: 'version', title: 'Server version', kind: 'version', weight: 0.7 },
    { id: 'backup', title: 'Backup', kind: 'ordinal', weight: 1, better: ['none', 'snapshot', 'continuous'] },
    { id: 'topology', title: 'Topology', kind: 'nominal', weight: 0.6 },
    { id: 'region', title: 'Region', kind: 'nominal', weight: 0.05 },
  ],
};

const reference: ReferenceArchitectureVersion = {
  platform: 'mongodb',
  version: 2,
  publishedAt: '2026-11-01T00:00:00.000Z',
  publishedBy: 'user:default/coe-lead',
  title: 'MongoDB standard',
  rationale: 'What most teams run',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=7.0' } },
    backup: { requirement: { oneOf: ['snapshot', 'continuous'] } },
    topology: { requirement: { equals: 'replicaset' } },
  },
  variants: [{ id: 'sharded', title: 'Sharded for tick data', facets: { topology: { equals: 'sharded' } } }],
  practices: [],
};

function deployment(id: string, facets: Record<string, any>): Deployment {
  return {
    id,
    platform: 'mongodb',
    kind: 'server',
    key: id,
    name: id,
    files: ['main.tf'],
    facets: Object.fromEntries(
      Object.entries(facets).map(([k, value], i) => [k, { value, evidence: { kind: 'file' as const, path: 'main.tf', line: i + 1 } }]),
    ),
  };
}

describe('conformanceOf', () => {
  it('conforms when every requirement is met', () => {
    const result = conformanceOf(deployment('a', { version: '7.0.14', backup: 'continuous', topology: 'replicaset' }), reference, platform, []);
    expect(result).toMatchObject({ conforming: true, differences: [], version: 2 });
  });

  it('lists each difference with the requirement and a fix that points at the file', () => {
    const result = conformanceOf(deployment('b', { version: '6.0', backup: 'none', topology: 'replicaset' }), reference, platform, []);
    expect(result.conforming).toBe(false);
    expect(result.differences).toEqual([
      expect.objectContaining({ facet: 'version', value: '6.0', required: '>=7.0', location: 'main.tf:1' }),
      expect.objectContaining({ facet: 'backup', value: 'none', required: 'one of snapshot, continuous', fix: 'Change backup from none to one of snapshot, continuous at main.tf:2' }),
    ]);
  });

  it('accepts an approved variant', () => {
    const result = conformanceOf(deployment('c', { version: '7.0', backup: 'snapshot', topology: 'sharded' }), reference, platform, []);
    expect(result).toMatchObject({ conforming: true, variant: 'sharded' });
  });

  it('does not accept an unresolved value as conforming', () => {
    const result = conformanceOf(deployment('d', { version: 'unknown', backup: 'snapshot', topology: 'replicaset' }), reference, platform, []);
    expect(result.conforming).toBe(false);
    expect(result.differences[0]).toMatchObject({ facet: 'version', value: 'unknown' });
  });

  it('lets an active exemption cover a difference, and an expired one not', () => {
    const exemption: Exemption = {
      id: 'x1',
      platform: 'mongodb',
      deploymentId: 'e',
      facet: 'backup',
      justification: 'cache only, rebuilt from Kafka',
      author: 'user:default/coe-lead',
      createdAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2026-12-01T00:00:00.000Z',
    };
    const d = deployment('e', { version: '7.0', backup: 'none', topology: 'replicaset' });
    const before = activeExemptions([exemption], new Date('2026-11-20T00:00:00Z'));
    expect(conformanceOf(d, reference, platform, before)).toMatchObject({ conforming: true });
    const after = activeExemptions([exemption], new Date('2026-12-02T00:00:00Z'));
    expect(conformanceOf(d, reference, platform, after)).toMatchObject({ conforming: false });
  });
});

describe('deriveReference', () => {
  it('proposes the consensus with its evidence and offers positive deviants as upgrades', () => {
    const proposal = deriveReference(
      platform,
      {
        platform: 'mongodb',
        scored: true,
        deployments: 12,
        consensus: [
          { facet: 'version', value: '7.0.2', support: { count: 10, of: 12 }, strength: 0.6 },
          { facet: 'backup', value: 'snapshot', support: { count: 11, of: 12 }, strength: 0.7 },
          { facet: 'region', value: 'eu-west-1', support: { count: 9, of: 12 }, strength: 0.5 },
        ],
        rules: [],
        distributions: {
          version: [{ value: '7.0', count: 10, deploymentIds: ['a', 'b'] }, { value: '5.0', count: 2, deploymentIds: ['c'] }],
          backup: [
            { value: 'snapshot', count: 11, deploymentIds: ['a'] },
            { value: 'continuous', count: 1, deploymentIds: ['p'] },
          ],
        },
        shadow: [],
        declaredWithoutConfiguration: [],
      },
      [
        {
          kind: 'positive-deviant',
          deploymentId: 'p',
          score: 0.2,
          reasons: [{ facet: 'backup', value: 'continuous', consensus: 'snapshot', support: { count: 11, of: 12 }, direction: 'better', contribution: 1, basis: 'consensus' }],
          peers: { context: {}, size: 12 },
        },
      ],
      'group:default/coe',
    );
    expect(proposal.content.facets.version.requirement).toEqual({ versionRange: '>=7' });
    expect(proposal.content.facets.backup.requirement).toEqual({ oneOf: ['snapshot', 'continuous'] });
    expect(proposal.content.facets.region).toBeUndefined();
    expect(proposal.evidence.find(e => e.facet === 'backup')).toMatchObject({ support: { count: 11, of: 12 }, deploymentIds: ['a', 'p'] });
    expect(proposal.upgrades).toEqual([expect.objectContaining({ facet: 'backup', value: 'continuous', deploymentIds: ['p'] })]);
  });
});

describe('diffReferences', () => {
  it('names what changed between versions', () => {
    const next = {
      ...reference,
      facets: { ...reference.facets, backup: { requirement: { equals: 'continuous' } }, tls: { requirement: { equals: true } } },
      variants: [],
    };
    expect(diffReferences(reference, next)).toEqual([
      { kind: 'facet', subject: 'backup', change: 'changed', from: 'one of snapshot, continuous', to: 'continuous' },
      { kind: 'facet', subject: 'tls', change: 'added', to: 'true' },
      { kind: 'variant', subject: 'sharded', change: 'removed' },
    ]);
  });
});
