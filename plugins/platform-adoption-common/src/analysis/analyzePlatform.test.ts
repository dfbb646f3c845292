import { PlatformDefinition } from '../domain/platform';
import { analyzePlatform } from './analyzePlatform';
import { AnalysisDeployment } from './types';

const platform: PlatformDefinition = {
  id: 'db',
  title: 'A database',
  facets: [
    { id: 'environment', title: 'Environment', kind: 'nominal', weight: 0, context: 'strict' },
    { id: 'hosting', title: 'Hosting', kind: 'nominal', weight: 0, context: true },
    { id: 'version', title: 'Version', kind: 'version', weight: 0.7 },
    { id: 'backup', title: 'Backup', kind: 'ordinal', weight: 1, better: ['none', 'snapshot', 'continuous'] },
    { id: 'authentication', title: 'Authentication', kind: 'nominal', weight: 1, unacceptable: ['none'] },
    { id: 'tls', title: 'TLS', kind: 'boolean', weight: 1, better: [false, true] },
    { id: 'topology', title: 'Topology', kind: 'nominal', weight: 0.8 },
    { id: 'monitoring', title: 'Monitoring', kind: 'nominal', weight: 0.6 },
    { id: 'identity', title: 'Identity', kind: 'nominal', weight: 0.9, better: ['none', 'password', ['iam', 'x509']] },
    { id: 'provisioning', title: 'Provisioning', kind: 'nominal', weight: 0.2 },
    { id: 'region', title: 'Region', kind: 'nominal', weight: 0.05 },
  ],
};

const standardFacets = {
  environment: 'production',
  hosting: 'atlas',
  identity: 'password',
  version: '7.0',
  backup: 'snapshot',
  authentication: 'scram',
  tls: true,
  topology: 'replicaset',
  monitoring: 'prometheus',
  provisioning: 'terraform',
};

let counter = 0;
function deployment(overrides: Record<string, any> = {}, extra: Partial<AnalysisDeployment> = {}): AnalysisDeployment {
  counter += 1;
  const id = extra.id ?? `d${String(counter).padStart(3, '0')}`;
  const regions = ['eu-west-1', 'us-east-1', 'ap-south-1'];
  const facets: Record<string, any> = { ...standardFacets, region: regions[counter % 3], ...overrides };
  for (const key of Object.keys(facets)) if (facets[key] === undefined) delete facets[key];
  return { id, teamRef: `group:default/team-${counter}`, facets, ...extra };
}

function fleet(n: number) {
  return Array.from({ length: n }, () => deployment());
}

const findingsOf = (result: ReturnType<typeof analyzePlatform>, id: string) =>
  result.findings.filter(f => f.deploymentId === id || f.deploymentIds?.includes(id));

describe('analyzePlatform', () => {
  it('gives facets only, no scores, below kmin deployments', () => {
    const result = analyzePlatform({ platform, deployments: [...fleet(3), deployment({ backup: 'none' })] });
    expect(result.scored).toBe(false);
    expect(result.findings).toEqual([]);
    expect(result.scores).toEqual({});
  });

  it('flags a flipped critical facet and explains it in numbers', () => {
    const odd = deployment({ backup: 'none' });
    const result = analyzePlatform({ platform, deployments: [...fleet(12), odd] });
    const [finding] = findingsOf(result, odd.id);
    expect(finding.kind).toBe('snowflake');
    expect(finding.reasons[0]).toMatchObject({
      facet: 'backup',
      value: 'none',
      consensus: 'snapshot',
      support: { count: 12, of: 12 },
      direction: 'worse',
      basis: 'consensus',
    });
    expect(result.findings.filter(f => f.kind === 'snowflake')).toHaveLength(1);
  });

  it('flags a version two majors behind, not one on the same release line', () => {
    const old = deployment({ version: '5.0' });
    const patch = deployment({ version: '7.0.14' });
    const result = analyzePlatform({ platform, deployments: [...fleet(10), old, patch] });
    expect(findingsOf(result, old.id)[0]?.reasons[0]).toMatchObject({ facet: 'version', direction: 'worse' });
    expect(findingsOf(result, patch.id)).toEqual([]);
  });

  it('reports a rare better value as a positive deviant, not a snowflake', () => {
    const exemplar = deployment({ backup: 'continuous' });
    const result = analyzePlatform({ platform, deployments: [...fleet(12), exemplar] });
    const findings = findingsOf(result, exemplar.id);
    expect(findings.map(f => f.kind)).toEqual(['positive-deviant']);
    expect(findings[0].reasons[0]).toMatchObject({ facet: 'backup', value: 'continuous', direction: 'better' });
  });

  it('does not flag decoys that differ only on legitimately varying facets', () => {
    const decoy = deployment({ region: 'sa-east-1' });
    const result = analyzePlatform({ platform, deployments: [...fleet(12), decoy] });
    expect(findingsOf(result, decoy.id)).toEqual([]);
    expect(result.scores[decoy.id]).toBeLessThan(0.1);
  });

  it('compares deployments with peers of the same environment first', () => {
    const staging = Array.from({ length: 6 }, () => deployment({ environment: 'staging', topology: 'standalone' }));
    const result = analyzePlatform({ platform, deployments: [...fleet(10), ...staging] });
    for (const d of staging) expect(findingsOf(result, d.id)).toEqual([]);
  });

  it('never judges a development deployment by production peers', () => {
    const dev = Array.from({ length: 3 }, () => deployment({ environment: 'development', tls: false, backup: 'none' }));
    const result = analyzePlatform({ platform, deployments: [...fleet(12), ...dev] });
    for (const d of dev) {
      expect(findingsOf(result, d.id)).toEqual([]);
      expect(result.scores[d.id]).toBeUndefined();
    }
  });

  it('backs off from a soft context when too few peers share it', () => {
    const lone = deployment({ hosting: 'docker', backup: 'none' });
    const result = analyzePlatform({ platform, deployments: [...fleet(12), lone] });
    expect(findingsOf(result, lone.id)[0]).toMatchObject({ kind: 'snowflake', peers: { context: { environment: 'production' } } });
  });

  it('treats any value of a better tier as better, whichever of the tier it is', () => {
    const iam = deployment({ identity: 'iam' });
    const result = analyzePlatform({ platform, deployments: [...fleet(12), iam] });
    expect(findingsOf(result, iam.id).map(f => f.kind)).toEqual(['positive-deviant']);
  });

  it('says when the majority is below the standard and scores against the standard', () => {
    const insecure = Array.from({ length: 8 }, () => deployment({ authentication: 'none' }));
    const secure = [deployment(), deployment()];
    const result = analyzePlatform({ platform, deployments: [...insecure, ...secure] });
    expect(result.consensus.find(c => c.facet === 'authentication')).toMatchObject({
      value: 'none',
      standard: { value: 'anything but none', source: 'better-order' },
    });
    const reasons = findingsOf(result, insecure[0].id).flatMap(f => f.reasons);
    expect(reasons[0]).toMatchObject({ facet: 'authentication', direction: 'worse', basis: 'standard' });
    expect(findingsOf(result, secure[0].id).map(f => f.kind)).toContain('positive-deviant');
  });

  it('scores against a published reference that overrides the consensus', () => {
    const oldFleet = Array.from({ length: 8 }, () => deployment({ version: '6.0' }));
    const current = deployment({ version: '7.0' });
    const result = analyzePlatform({
      platform,
      deployments: [...oldFleet, current],
      standard: { version: { versionRange: '>=7.0' } },
    });
    expect(findingsOf(result, oldFleet[0].id)[0]?.reasons[0]).toMatchObject({
      facet: 'version',
      consensus: '>=7.0',
      basis: 'standard',
    });
    expect(findingsOf(result, current.id).map(f => f.kind)).toEqual(['positive-deviant']);
  });

  it('counts copy-pasted deployments once, so they cannot make a false majority', () => {
    const copies = Array.from({ length: 8 }, (_, i) =>
      deployment({ monitoring: 'none' }, { lineage: 'repo-a', id: `copy-${i}` }),
    );
    const independent = fleet(6);
    const result = analyzePlatform({ platform, deployments: [...copies, ...independent] });
    for (const d of independent) {
      expect(findingsOf(result, d.id).filter(f => f.kind !== 'positive-deviant')).toEqual([]);
    }
  });

  it('reports a deviation shared by all of a team’s deployments once, as a team convention', () => {
    const team = Array.from({ length: 3 }, () =>
      deployment({ topology: 'standalone' }, { teamRef: 'group:default/cards' }),
    );
    const result = analyzePlatform({ platform, deployments: [...fleet(12), ...team] });
    const conventions = result.findings.filter(f => f.kind === 'team-convention');
    expect(conventions).toHaveLength(1);
    expect(conventions[0]).toMatchObject({ teamRef: 'group:default/cards' });
    expect(conventions[0].deploymentIds?.sort()).toEqual(team.map(d => d.id).sort());
    expect(result.findings.filter(f => f.kind === 'snowflake')).toEqual([]);
  });

  it('mines pair rules and counts their violations', () => {
    const terraform = Array.from({ length: 10 }, () => deployment({ provisioning: 'terraform', monitoring: 'datadog' }));
    const helm = Array.from({ length: 11 }, () => deployment({ provisioning: 'helm', monitoring: 'prometheus' }));
    const violator = deployment({ provisioning: 'terraform', monitoring: 'prometheus' });
    const result = analyzePlatform({ platform, deployments: [...terraform, ...helm, violator] });
    expect(result.rules).toContainEqual(
      expect.objectContaining({
        if: { facet: 'provisioning', value: 'terraform' },
        then: { facet: 'monitoring', value: 'datadog' },
      }),
    );
    const reasons = findingsOf(result, violator.id).flatMap(f => f.reasons);
    expect(reasons.find(r => r.facet === 'monitoring')).toMatchObject({ basis: 'pair-rule', consensus: 'datadog' });
  });

  it('ignores missing facets instead of treating them as deviations', () => {
    const sparse = deployment({ monitoring: undefined, tls: undefined });
    const result = analyzePlatform({ platform, deployments: [...fleet(10), sparse] });
    expect(findingsOf(result, sparse.id)).toEqual([]);
  });

  it('gives the same result whatever the input order', () => {
    const deployments = [...fleet(10), deployment({ backup: 'none' }), deployment({ version: '4.4' })];
    const a = analyzePlatform({ platform, deployments });
    const b = analyzePlatform({ platform, deployments: [...deployments].reverse() });
    expect(b).toEqual(a);
  });
});

describe('values known to be worse', () => {
  it('are faults even when a sizeable minority shares them', () => {
    const withOrder: PlatformDefinition = {
      ...platform,
      facets: platform.facets.map(f =>
        f.id === 'topology' ? { ...f, better: ['standalone', ['replicaset', 'sharded']] } : f,
      ),
    };
    const standalone = Array.from({ length: 3 }, (_, i) =>
      deployment({ topology: 'standalone', region: `r${i}` }),
    );
    const result = analyzePlatform({ platform: withOrder, deployments: [...fleet(9), ...standalone] });
    for (const d of standalone) {
      expect(findingsOf(result, d.id)[0]?.reasons[0]).toMatchObject({ facet: 'topology', direction: 'worse' });
    }
    const without = analyzePlatform({ platform, deployments: [...fleet(9), ...standalone] });
    for (const d of standalone) expect(findingsOf(without, d.id)).toEqual([]);
  });
});
