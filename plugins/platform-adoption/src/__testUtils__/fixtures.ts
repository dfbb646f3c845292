import type {
  Campaign,
  Deployment,
  FindingWithDeployments,
  OverviewResponse,
  PlatformSummaryResponse,
  PlatformWithCounts,
  RollupsResponse,
  ScanRun,
  ReferenceArchitectureVersion,
  ReferenceProposal,
  ScanStatusResponse,
} from '@platform-adoption/plugin-platform-adoption-common';
import type {
  CampaignStatus,
  ConformanceResponse,
  ExemptionWithStatus,
  HistoryResponse,
  ReferenceDiff,
  ReferenceOverview,
  ReferencePreview,
} from '../api';

/**
 * Responses in the backend's format, modelled on the Fernhill Bank demo
 * enterprise in examples/ (MongoDB on Atlas 7.0, planted snowflakes, a
 * positive deviant, a team convention and shadow usage).
 */

export const mongodb: PlatformWithCounts = {
  id: 'mongodb',
  title: 'MongoDB',
  vendor: 'MongoDB, Inc.',
  description: 'Document database: MongoDB Atlas and self-hosted MongoDB.',
  deployments: 22,
  clients: 9,
  teams: 14,
  facets: [
    { id: 'version', title: 'Server version', kind: 'version', weight: 0.7 },
    { id: 'hosting', title: 'Hosting', kind: 'nominal', weight: 0, context: true },
    { id: 'environment', title: 'Environment', kind: 'nominal', weight: 0, context: true },
    {
      id: 'backup',
      title: 'Backup',
      kind: 'ordinal',
      weight: 1,
      better: ['none', 'snapshot', 'continuous'],
    },
    { id: 'authentication', title: 'Authentication', kind: 'nominal', weight: 0.9 },
    { id: 'tls', title: 'TLS', kind: 'boolean', weight: 1, better: [false, true] },
    { id: 'topology', title: 'Topology', kind: 'nominal', weight: 0.6 },
    { id: 'region', title: 'Region', kind: 'nominal', weight: 0.05 },
    { id: 'client', title: 'Client library', kind: 'nominal', weight: 0.1 },
  ],
};

export const postgresql: PlatformWithCounts = {
  id: 'postgresql',
  title: 'PostgreSQL',
  vendor: 'PostgreSQL Global Development Group',
  deployments: 27,
  clients: 4,
  teams: 12,
  facets: [
    { id: 'version', title: 'Server version', kind: 'version', weight: 0.7 },
    { id: 'backup', title: 'Backup', kind: 'ordinal', weight: 1 },
  ],
};

const repo = (name: string) => `https://git.fernhill.example/${name}/`;

export const fraudCaseManager: Deployment = {
  id: 'a1',
  platform: 'mongodb',
  kind: 'server',
  key: 'terraform/atlas.tf#mongodbatlas_advanced_cluster.fraud_cases',
  name: 'fraud-cases',
  files: ['terraform/atlas.tf'],
  facets: {
    version: { value: '7.0', evidence: { kind: 'file', path: 'terraform/atlas.tf', line: 14 } },
    hosting: {
      value: 'atlas',
      evidence: { kind: 'file', path: 'terraform/atlas.tf', line: 9, note: 'mongodbatlas_advanced_cluster' },
    },
    environment: { value: 'production', evidence: { kind: 'entity', entityRef: 'component:default/fraud-case-manager', field: 'spec.lifecycle' } },
    backup: { value: 'continuous', evidence: { kind: 'file', path: 'terraform/atlas.tf', line: 31 } },
    authentication: { value: 'x509', evidence: { kind: 'file', path: 'terraform/atlas.tf', line: 52 } },
    tls: { value: true, evidence: { kind: 'file', path: 'terraform/atlas.tf', line: 40, note: 'Atlas default' } },
    topology: { value: 'replicaset', evidence: { kind: 'file', path: 'terraform/atlas.tf', line: 12 } },
    region: { value: 'eu-west-2', evidence: { kind: 'file', path: 'terraform/atlas.tf', line: 20 } },
  },
  entityRef: 'component:default/fraud-case-manager',
  repository: repo('fraud-case-manager'),
  ownerRef: 'group:default/fraud-detection',
  teamRef: 'group:default/fraud-detection',
  systemRef: 'system:default/fraud-prevention',
  domainRef: 'domain:default/financial-crime',
  environment: 'production',
  declaredBy: 'resource:default/fraud-cases-mongodb',
};

export const notificationPreferences: Deployment = {
  id: 'b2',
  platform: 'mongodb',
  kind: 'server',
  key: 'deploy/helmrelease.yaml#notification-preferences-mongodb',
  name: 'notification-preferences-mongodb',
  files: ['deploy/helmrelease.yaml'],
  facets: {
    version: { value: '7.0.14', evidence: { kind: 'file', path: 'deploy/helmrelease.yaml', line: 22 } },
    hosting: { value: 'kubernetes', evidence: { kind: 'file', path: 'deploy/helmrelease.yaml', line: 1 } },
    environment: { value: 'production', evidence: { kind: 'file', path: 'deploy/helmrelease.yaml', line: 6 } },
    backup: { value: 'none', evidence: { kind: 'file', path: 'deploy/helmrelease.yaml', line: 18, note: 'chart default: backup off' } },
    authentication: { value: 'unknown', evidence: { kind: 'file', path: 'deploy/helmrelease.yaml', line: 30 } },
    tls: { value: false, evidence: { kind: 'file', path: 'deploy/helmrelease.yaml', line: 33 } },
    topology: { value: 'replicaset', evidence: { kind: 'file', path: 'deploy/helmrelease.yaml', line: 25 } },
  },
  entityRef: 'component:default/notification-preferences-service',
  repository: repo('notification-preferences-service'),
  ownerRef: 'group:default/digital-channels',
  teamRef: 'group:default/digital-channels',
  systemRef: 'system:default/customer-notifications',
  environment: 'production',
  declaredBy: 'resource:default/notification-preferences-mongodb',
};

export const campaignAttribution: Deployment = {
  id: 'c3',
  platform: 'mongodb',
  kind: 'server',
  key: 'helm/values-prod.yaml#mongodb',
  name: 'campaign-attribution-mongodb',
  files: ['helm/values-prod.yaml'],
  facets: {
    version: { value: '6.0', evidence: { kind: 'file', path: 'helm/values-prod.yaml', line: 4 } },
    hosting: { value: 'kubernetes', evidence: { kind: 'file', path: 'helm/values-prod.yaml', line: 1 } },
    environment: { value: 'production', evidence: { kind: 'file', path: 'helm/values-prod.yaml', line: 1 } },
    backup: { value: 'none', evidence: { kind: 'file', path: 'helm/values-prod.yaml', line: 1 } },
    authentication: { value: '<redacted>', evidence: { kind: 'file', path: 'helm/values-prod.yaml', line: 11, note: 'a literal root password' } },
    tls: { value: false, evidence: { kind: 'file', path: 'helm/values-prod.yaml', line: 1 } },
    topology: { value: 'standalone', evidence: { kind: 'file', path: 'helm/values-prod.yaml', line: 7 } },
  },
  entityRef: 'component:default/campaign-attribution-service',
  repository: repo('campaign-attribution-service'),
  ownerRef: 'group:default/customer-insights',
  teamRef: 'group:default/customer-insights',
  systemRef: 'system:default/marketing-analytics',
  environment: 'production',
  stale: true,
  staleReason: 'could not read repository https://git.fernhill.example/campaign-attribution-service/: 503 Service Unavailable',
};

export const amlCaseNotesClient: Deployment = {
  id: 'd4',
  platform: 'mongodb',
  kind: 'client',
  key: 'package.json#mongodb',
  name: 'aml-case-notes (driver)',
  files: ['package.json'],
  facets: {
    client: { value: 'mongodb', evidence: { kind: 'file', path: 'package.json', line: 12 } },
  },
  entityRef: 'component:default/aml-case-notes',
  repository: repo('aml-case-notes'),
  ownerRef: 'group:default/financial-crime',
  teamRef: 'group:default/financial-crime',
  environment: 'development',
};

export const mongodbDeployments = [
  fraudCaseManager,
  notificationPreferences,
  campaignAttribution,
  amlCaseNotesClient,
];

const scanStats = {
  entities: 587,
  repositories: 226,
  repositoriesRead: 44,
  repositoriesUnchanged: 180,
  repositoriesFailed: 2,
  deployments: 49,
  findings: 12,
  problems: 3,
  durationMs: 12_400,
};

export const completedScan: ScanRun = {
  id: 7,
  status: 'completed',
  trigger: 'schedule',
  startedAt: '2026-11-23T08:00:00.000Z',
  finishedAt: '2026-11-23T08:00:12.400Z',
  stats: scanStats,
};

export const scanStatus: ScanStatusResponse = {
  current: completedScan,
  running: null,
  lastFailed: null,
};

export const overview: OverviewResponse = {
  generation: 7,
  platforms: [
    {
      id: 'mongodb',
      title: 'MongoDB',
      vendor: 'MongoDB, Inc.',
      rollup: {
        platform: 'mongodb',
        orgRef: '*',
        deployments: 22,
        production: 15,
        nonProduction: 7,
        clients: 9,
        teams: 14,
        productionTeams: 11,
        systems: 12,
        snowflakes: 6,
        positiveDeviants: 1,
        declared: 17,
        detected: 31,
        goldenPath: 0,
        stage: {
          stage: 'multi-team',
          because:
            '11 teams run 15 production deployments; no reference architecture is published',
        },
        conformance: null,
      },
      referenceVersion: null,
      shadowRepositories: 4,
      declaredWithoutConfiguration: 2,
    },
    {
      id: 'kafka',
      title: 'Apache Kafka',
      vendor: 'Apache Software Foundation',
      rollup: null,
      referenceVersion: null,
      shadowRepositories: 0,
      declaredWithoutConfiguration: 0,
    },
  ],
};

export const findings: FindingWithDeployments[] = [
  {
    kind: 'snowflake',
    platform: 'mongodb',
    deploymentId: 'b2',
    teamRef: 'group:default/digital-channels',
    score: 0.61,
    reasons: [
      {
        facet: 'backup',
        value: 'none',
        consensus: 'snapshot',
        support: { count: 11, of: 13 },
        direction: 'worse',
        contribution: 0.55,
        basis: 'consensus',
      },
      {
        facet: 'tls',
        value: false,
        consensus: true,
        support: { count: 19, of: 20 },
        direction: 'worse',
        contribution: 0.3,
        basis: 'pair-rule',
        rule: {
          if: { facet: 'hosting', value: 'atlas' },
          then: { facet: 'tls', value: true },
          support: 20,
          confidence: 0.95,
        },
      },
    ],
    peers: { context: { environment: 'production' }, size: 13 },
    deployments: [
      {
        id: 'b2',
        name: 'notification-preferences-mongodb',
        entityRef: 'component:default/notification-preferences-service',
        teamRef: 'group:default/digital-channels',
        environment: 'production',
        repository: repo('notification-preferences-service'),
      },
    ],
  },
  {
    kind: 'snowflake',
    platform: 'mongodb',
    deploymentId: 'e5',
    teamRef: 'group:default/branch-experience',
    score: 0.34,
    reasons: [
      {
        facet: 'authentication',
        value: 'none',
        consensus: 'scram',
        support: { count: 9, of: 13 },
        direction: 'worse',
        contribution: 1,
        basis: 'standard',
      },
    ],
    peers: { context: { environment: 'production' }, size: 13 },
    deployments: [
      {
        id: 'e5',
        name: 'branch-appointments',
        entityRef: 'component:default/branch-appointment-service',
        teamRef: 'group:default/branch-experience',
        environment: 'production',
      },
    ],
  },
  {
    kind: 'positive-deviant',
    platform: 'mongodb',
    deploymentId: 'a1',
    teamRef: 'group:default/fraud-detection',
    score: 0.22,
    reasons: [
      {
        facet: 'backup',
        value: 'continuous',
        consensus: 'snapshot',
        support: { count: 11, of: 13 },
        direction: 'better',
        contribution: 1,
        basis: 'consensus',
      },
    ],
    peers: { context: { environment: 'production', hosting: 'atlas' }, size: 13 },
    deployments: [
      {
        id: 'a1',
        name: 'fraud-cases',
        entityRef: 'component:default/fraud-case-manager',
        teamRef: 'group:default/fraud-detection',
        environment: 'production',
      },
    ],
  },
  {
    kind: 'team-convention',
    platform: 'mongodb',
    deploymentId: 'c3',
    deploymentIds: ['c3', 'c6', 'c7'],
    teamRef: 'group:default/customer-insights',
    score: 0.4,
    reasons: [
      {
        facet: 'topology',
        value: 'standalone',
        consensus: 'replicaset',
        support: { count: 12, of: 13 },
        direction: 'worse',
        contribution: 1,
        basis: 'consensus',
      },
    ],
    peers: { context: { environment: 'production' }, size: 13 },
    deployments: [
      { id: 'c3', name: 'campaign-attribution-mongodb', teamRef: 'group:default/customer-insights' },
      { id: 'c6', name: 'clickstream-enricher-mongodb', teamRef: 'group:default/customer-insights' },
      { id: 'c7', name: 'customer-segmentation-mongodb', teamRef: 'group:default/customer-insights' },
    ],
  },
];

export const summary: PlatformSummaryResponse = {
  platform: 'mongodb',
  scored: true,
  deployments: 22,
  consensus: [
    { facet: 'backup', value: 'snapshot', support: { count: 16, of: 22 }, strength: 0.62 },
    {
      facet: 'authentication',
      value: 'none',
      support: { count: 12, of: 22 },
      strength: 0.3,
      standard: { value: 'scram', source: 'better-order' },
    },
    { facet: 'version', value: '7.0', support: { count: 18, of: 22 }, strength: 0.7 },
  ],
  rules: [],
  distributions: {
    version: [
      { value: '7.0', count: 18 },
      { value: '6.0', count: 3 },
      { value: '4.4', count: 1 },
    ],
    backup: [
      { value: 'snapshot', count: 16 },
      { value: 'none', count: 5 },
      { value: 'continuous', count: 1 },
    ],
    authentication: [
      { value: 'none', count: 12 },
      { value: 'scram', count: 9 },
      { value: 'unknown', count: 1 },
    ],
    client: [{ value: 'unknown', count: 22 }],
  },
  shadow: [
    {
      platform: 'mongodb',
      repository: repo('aml-case-notes'),
      entityRef: 'component:default/aml-case-notes',
      teamRef: 'group:default/financial-crime',
      kinds: ['client'],
      deploymentIds: ['d4'],
    },
  ],
  declaredWithoutConfiguration: [
    {
      platform: 'mongodb',
      resourceRef: 'resource:default/ledger-archive-mongodb',
      teamRef: 'group:default/core-ledger',
      deploymentId: 'f9',
    },
  ],
};

const rollup = (
  orgRef: string,
  counts: Partial<RollupsResponse['items'][number]>,
): RollupsResponse['items'][number] => ({
  platform: 'mongodb',
  orgRef,
  deployments: 0,
  production: 0,
  nonProduction: 0,
  clients: 0,
  teams: 1,
  productionTeams: 1,
  systems: 1,
  snowflakes: 0,
  positiveDeviants: 0,
  declared: 0,
  detected: 0,
  goldenPath: 0,
  stage: { stage: 'first-team', because: '2 production deployment(s), all owned by one team' },
  conformance: null,
  ...counts,
});

export const rollups: RollupsResponse = {
  orgUnits: [
    { ref: 'group:default/fernhill', title: 'Fernhill Bank', type: 'organization' },
    { ref: 'group:default/data-and-analytics', parentRef: 'group:default/fernhill', title: 'Data & Analytics', type: 'department' },
    { ref: 'group:default/customer-insights', parentRef: 'group:default/data-and-analytics', title: 'Customer Insights', type: 'team' },
    { ref: 'group:default/digital', parentRef: 'group:default/fernhill', title: 'Digital', type: 'department' },
    { ref: 'group:default/digital-channels', parentRef: 'group:default/digital', title: 'Digital Channels', type: 'team' },
    { ref: 'group:default/branch-experience', parentRef: 'group:default/digital', title: 'Branch Experience', type: 'team' },
    { ref: 'group:default/treasury', parentRef: 'group:default/fernhill', title: 'Treasury', type: 'department' },
  ],
  items: [
    rollup('*', {
      deployments: 7, production: 6, nonProduction: 1, teams: 3, productionTeams: 3, snowflakes: 2,
      stage: { stage: 'multi-team', because: '3 teams run 6 production deployments; no reference architecture is published' },
    }),
    rollup('group:default/fernhill', {
      deployments: 6, production: 5, nonProduction: 1, teams: 3, productionTeams: 3, snowflakes: 2,
      stage: { stage: 'multi-team', because: '3 teams run 5 production deployments; no reference architecture is published' },
    }),
    rollup('group:default/data-and-analytics', { deployments: 3, production: 3 }),
    rollup('group:default/customer-insights', { deployments: 3, production: 3 }),
    rollup('group:default/digital', {
      deployments: 3, production: 2, nonProduction: 1, teams: 2, productionTeams: 2, snowflakes: 2,
      stage: { stage: 'multi-team', because: '2 teams run 2 production deployments; no reference architecture is published' },
    }),
    rollup('group:default/digital-channels', { deployments: 2, production: 1, nonProduction: 1, snowflakes: 1 }),
    rollup('group:default/branch-experience', { deployments: 1, production: 1, snowflakes: 1 }),
  ],
};

/* Reference architectures, conformance and governance. */

export const referenceV1: ReferenceArchitectureVersion = {
  platform: 'mongodb',
  version: 1,
  title: 'MongoDB reference architecture',
  rationale: 'What most teams already run.',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=6' }, rationale: '21 of 22 run 6.0 or later.' },
    backup: { requirement: { equals: 'snapshot' }, rationale: '16 of 22 deployments already run snapshot.' },
  },
  variants: [],
  practices: [],
  publishedAt: '2026-09-01T09:00:00.000Z',
  publishedBy: 'user:default/tamsin.raman',
};

export const referenceV2: ReferenceArchitectureVersion = {
  platform: 'mongodb',
  version: 2,
  title: 'MongoDB reference architecture',
  rationale: 'Replica sets on Atlas, backed up continuously or by snapshot, with TLS.',
  ownerRef: 'group:default/coe',
  facets: {
    version: { requirement: { versionRange: '>=7' }, rationale: '18 of 22 deployments already run 7.0.' },
    backup: {
      requirement: { oneOf: ['snapshot', 'continuous'] },
      rationale: 'Point-in-time recovery for anything that holds customer data.',
    },
    tls: { requirement: { equals: true } },
  },
  variants: [
    {
      id: 'sharded',
      title: 'Sharded, for tick data',
      description: 'Market data above 2 TB.',
      facets: { topology: { equals: 'sharded' } },
    },
  ],
  practices: [
    {
      kind: 'backup',
      title: 'Restore drill every quarter',
      url: 'https://wiki.fernhill.example/mongodb/restore',
      description: 'Restore the latest snapshot into staging and verify it.',
    },
  ],
  publishedAt: '2026-11-02T10:30:00.000Z',
  publishedBy: 'user:default/tamsin.raman',
};

export const referenceOverview: ReferenceOverview = {
  draft: null,
  standard: referenceV2,
  versions: [
    { version: 2, publishedAt: referenceV2.publishedAt, publishedBy: referenceV2.publishedBy },
    { version: 1, publishedAt: referenceV1.publishedAt, publishedBy: referenceV1.publishedBy },
  ],
};

export const referenceDiff: ReferenceDiff = {
  from: 1,
  to: 2,
  changes: [
    { kind: 'facet', subject: 'backup', change: 'changed', from: 'snapshot', to: 'one of snapshot, continuous' },
    { kind: 'facet', subject: 'tls', change: 'added', to: 'true' },
    { kind: 'facet', subject: 'version', change: 'changed', from: '>=6', to: '>=7' },
    { kind: 'variant', subject: 'sharded', change: 'added' },
    { kind: 'practice', subject: 'Restore drill every quarter', change: 'added' },
  ],
};

export const proposal: ReferenceProposal = {
  content: {
    title: 'MongoDB reference architecture',
    rationale: 'Derived from 22 MongoDB deployments: the configuration most teams already share.',
    ownerRef: 'group:default/coe',
    facets: {
      version: { requirement: { versionRange: '>=7' }, rationale: '18 of 22 deployments already run 7.0.' },
      backup: {
        requirement: { oneOf: ['snapshot', 'continuous'] },
        rationale: '11 of 13 deployments already run snapshot.',
      },
      authentication: {
        requirement: { oneOf: ['scram'] },
        rationale: 'Most deployments run none, which is below the standard.',
      },
    },
    variants: [],
    practices: [],
  },
  evidence: [
    {
      facet: 'version',
      requirement: '>=7',
      source: 'consensus',
      support: { count: 18, of: 22 },
      deploymentIds: ['a1', 'b2'],
    },
    {
      facet: 'backup',
      requirement: 'one of snapshot, continuous',
      source: 'consensus',
      support: { count: 11, of: 13 },
      deploymentIds: ['a1'],
    },
    {
      facet: 'authentication',
      requirement: 'one of scram',
      source: 'standard',
      support: { count: 12, of: 22 },
      deploymentIds: [],
    },
  ],
  upgrades: [
    {
      facet: 'backup',
      value: 'continuous',
      requirement: { equals: 'continuous' },
      deploymentIds: ['a1'],
      note: 'Better than the consensus (snapshot); positive deviants already run it.',
    },
  ],
};

export const preview: ReferencePreview = {
  production: 15,
  conforming: 9,
  blocking: { backup: 4, tls: 3 },
};

export const conformance: ConformanceResponse = {
  standard: { version: 2, title: 'MongoDB reference architecture' },
  items: [
    {
      deployment: {
        id: 'a1',
        name: 'fraud-cases',
        entityRef: 'component:default/fraud-case-manager',
        teamRef: 'group:default/fraud-detection',
        environment: 'production',
      },
      conformance: { deploymentId: 'a1', platform: 'mongodb', version: 2, conforming: true, differences: [] },
      upgrade: null,
    },
    {
      deployment: {
        id: 'b2',
        name: 'notification-preferences-mongodb',
        entityRef: 'component:default/notification-preferences-service',
        teamRef: 'group:default/digital-channels',
        environment: 'production',
        goldenPath: { template: 'template:default/mongodb-golden-path', platform: 'mongodb', referenceVersion: 1 },
      },
      conformance: {
        deploymentId: 'b2',
        platform: 'mongodb',
        version: 2,
        conforming: false,
        differences: [
          {
            facet: 'backup',
            value: 'none',
            required: 'one of snapshot, continuous',
            fix: 'Change backup from none to one of snapshot, continuous at deploy/helmrelease.yaml:18',
            location: 'deploy/helmrelease.yaml:18',
          },
          {
            facet: 'tls',
            value: false,
            required: 'true',
            fix: 'Change tls from false to true at deploy/helmrelease.yaml:33',
            location: 'deploy/helmrelease.yaml:33',
            exemptionId: '6f1c7a52-0d8e-4a8e-9d55-1e0f3c1b7a01',
          },
        ],
      },
      upgrade: {
        from: 1,
        to: 2,
        changes: [
          { kind: 'facet', subject: 'backup', change: 'changed', from: 'snapshot', to: 'one of snapshot, continuous' },
          { kind: 'facet', subject: 'tls', change: 'added', to: 'true' },
        ],
      },
    },
  ],
};

export const exemptions: ExemptionWithStatus[] = [
  {
    id: '6f1c7a52-0d8e-4a8e-9d55-1e0f3c1b7a01',
    platform: 'mongodb',
    deploymentId: 'b2',
    facet: 'tls',
    justification: 'Internal-only cluster behind the service mesh until Q1 migration.',
    author: 'user:default/tamsin.raman',
    createdAt: '2026-11-03T10:00:00.000Z',
    expiresAt: '2027-03-31T00:00:00.000Z',
    active: true,
  },
  {
    id: '0a2b3c4d-1111-4222-8333-444455556666',
    platform: 'mongodb',
    deploymentId: 'c3',
    facet: 'backup',
    justification: 'Rebuildable analytics cache; no backup needed.',
    author: 'user:default/tamsin.raman',
    createdAt: '2026-06-01T10:00:00.000Z',
    expiresAt: '2026-09-01T00:00:00.000Z',
    active: false,
  },
  {
    id: '9f8e7d6c-2222-4333-8444-555566667777',
    platform: 'mongodb',
    deploymentId: 'a1',
    facet: 'version',
    justification: 'Vendor certification of 7.0 pending.',
    author: 'user:default/tamsin.raman',
    createdAt: '2026-10-01T10:00:00.000Z',
    expiresAt: '2027-10-01T00:00:00.000Z',
    revokedAt: '2026-10-15T10:00:00.000Z',
    revokedBy: 'user:default/tamsin.raman',
    active: false,
  },
];

const metrics = (day: number, conformanceShare: number | null, snowflakes: number) => ({
  deployments: 20 + day,
  production: 15,
  teams: 14,
  conforming: conformanceShare === null ? null : Math.round(conformanceShare * 15),
  conformance: conformanceShare,
  referenceVersion: conformanceShare === null ? null : Math.min(2, Math.floor(day / 3) + 1),
  snowflakes,
  positiveDeviants: 1,
  distinctVersions: 3,
  // The fleet moves from 6.0 to 7.0 one deployment a day.
  versionLines: { '7.0': 10 + day, '6.0': 8 - day, '4.4': 4 },
  goldenPath: 0,
});

export const history: HistoryResponse = {
  series: [
    { day: '2026-11-01', metrics: metrics(0, null, 8) },
    { day: '2026-11-02', metrics: metrics(1, 0.4, 7) },
    { day: '2026-11-03', metrics: metrics(2, 0.5, 6) },
    { day: '2026-11-04', metrics: metrics(3, 0.6, 6) },
  ],
  events: [
    { day: '2026-11-02', kind: 'published', version: 1 },
    { day: '2026-11-04', kind: 'published', version: 2 },
  ],
};

export const campaign: Campaign = {
  id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
  platform: 'mongodb',
  title: 'Everyone on reference v2 by March',
  targetVersion: 2,
  scope: ['group:default/digital', 'group:default/data-and-analytics'],
  deadline: '2027-03-31T00:00:00.000Z',
  createdBy: 'user:default/tamsin.raman',
  createdAt: '2026-11-02T11:00:00.000Z',
};

export const campaignStatus: CampaignStatus = {
  campaign,
  burnDown: [
    { day: '2026-11-02', nonconforming: 6, total: 9 },
    { day: '2026-11-03', nonconforming: 5, total: 9 },
    { day: '2026-11-04', nonconforming: 4, total: 9 },
  ],
  teams: [
    { teamRef: 'group:default/customer-insights', nonconforming: 3, total: 3, initialNonconforming: 3, behind: true },
    { teamRef: 'group:default/digital-channels', nonconforming: 1, total: 4, initialNonconforming: 2, behind: false },
    { teamRef: 'group:default/branch-experience', nonconforming: 0, total: 2, initialNonconforming: 1, behind: false },
  ],
  daysLeft: 147,
};
