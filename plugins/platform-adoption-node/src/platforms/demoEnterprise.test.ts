import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import {
  analyzePlatform,
  DetectedDeployment,
  FacetScalar,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { DirectoryRepositoryFiles } from '../detection/directoryRepositoryFiles';
import { detectRepository } from '../detection/engine';
import { DetectionResult, PlatformDetector } from '../detection/types';
import { loadHclParser } from '../parsing/hcl';
import { readDeclaredPlatforms } from './declared/declaredPlatformDetector';
import { builtinDetectors } from '.';

/**
 * The demo enterprise (examples/, written by the demo generator) scanned
 * folder by folder as the CLI does, checked against its answer key
 * (examples/planted.json).
 */
const ROOT = path.resolve(__dirname, '../../../..');
const EXAMPLES = path.join(ROOT, 'examples');
const REPOSITORIES = path.join(EXAMPLES, 'repositories');

/** The custom platforms app-config.yaml declares, read as the backend reads them. */
const appConfig = parse(
  fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
);
const declaredDetectors = readDeclaredPlatforms({
  getOptional: <T>(key?: string) =>
    (key ?? '')
      .split('.')
      .reduce<any>((value, part) => value?.[part], appConfig) as T | undefined,
});

interface PlantedDeployment {
  repository: string;
  platform: string;
  form: string;
  files: string[];
  environment: string;
  expected: Record<string, FacetScalar | null>;
  plant: { kind: string; facet: string } | null;
}

interface Planted {
  deployments: PlantedDeployment[];
  customPlatforms: { platforms: string[]; deployments: PlantedDeployment[] };
  vaultInjected: Array<{ repository: string; file: string; role: string }>;
  drivers: Array<{
    repository: string;
    platform: string;
    file: string;
    package: string;
  }>;
  secrets: Array<{ file: string; value: string }>;
}

const planted: Planted = JSON.parse(
  fs.readFileSync(path.join(EXAMPLES, 'planted.json'), 'utf8'),
);

/**
 * The answer key names some values in its own vocabulary; this is how each
 * maps onto the package's (documented in the README). Backup is the one
 * that differs in kind: the key names the tool ("atlas-cloud-backup",
 * "+pitr" when point-in-time restore is switched on), the facet `backup`
 * is the ordinal level and `backupTool` the tool.
 */
const BACKUP: Record<string, { backup: string; backupTool: string }> = {
  none: { backup: 'none', backupTool: 'none' },
  'atlas-cloud-backup': {
    backup: 'snapshot',
    backupTool: 'atlas-cloud-backup',
  },
  'atlas-cloud-backup+pitr': {
    backup: 'continuous',
    backupTool: 'atlas-cloud-backup',
  },
  'mongodump-cronjob': { backup: 'snapshot', backupTool: 'mongodump-cronjob' },
  'pg-dumpall-cronjob': {
    backup: 'snapshot',
    backupTool: 'pg-dumpall-cronjob',
  },
  'logical-backup': { backup: 'snapshot', backupTool: 'logical-backup' },
  'barman-object-store': { backup: 'continuous', backupTool: 'barman' },
  pgbackrest: { backup: 'continuous', backupTool: 'pgbackrest' },
  'rds-automated': { backup: 'continuous', backupTool: 'rds-automated' },
  'cloudsql-automated': {
    backup: 'snapshot',
    backupTool: 'cloudsql-automated',
  },
  'cloudsql-automated+pitr': {
    backup: 'continuous',
    backupTool: 'cloudsql-automated',
  },
  'azure-automated': { backup: 'continuous', backupTool: 'azure-automated' },
  'elasticache-snapshots': {
    backup: 'snapshot',
    backupTool: 'elasticache-snapshots',
  },
  'raft-snapshot-cronjob': {
    backup: 'snapshot',
    backupTool: 'raft-snapshot-cronjob',
  },
};
/** The databases' key words; the newer platforms' keys use the package's own. */
const SAME: Record<string, Record<string, Record<string, string>>> = {
  mongodb: { authentication: { 'aws-iam': 'iam' } },
  postgresql: {
    topology: { cluster: 'replicated' },
    hosting: { azure: 'azure-flexible' },
    authentication: { 'aws-iam': 'iam' },
  },
};
/** Monitoring values the key names by service, the package by what is switched on. */
function monitoringMatches(
  expected: string,
  actual: FacetScalar | undefined,
  hosting: FacetScalar | undefined,
): boolean {
  if (typeof actual !== 'string') return false;
  if (actual === expected) return true;
  if (hosting === 'atlas')
    return actual.split('+').includes(`atlas-integration-${expected}`);
  const methods = actual.split('+');
  switch (expected) {
    case 'cloudwatch':
      return methods.some(m =>
        [
          'performance-insights',
          'enhanced-monitoring',
          'cloudwatch-logs',
        ].includes(m),
      );
    case 'cloud-monitoring':
      return methods.includes('query-insights');
    default:
      return methods.includes(expected);
  }
}

/** Differences between what the key expects and what was detected, as readable lines. */
function differences(
  expected: PlantedDeployment['expected'],
  deployment: DetectedDeployment,
): string[] {
  const same = SAME[deployment.platform] ?? {};
  const actual = (id: string) => deployment.facets[id]?.value;
  const found: string[] = [];
  for (const [facet, value] of Object.entries(expected)) {
    if (facet === 'backup') {
      const translated = BACKUP[String(value)];
      if (!translated) found.push(`backup: no translation for ${value}`);
      else if (
        actual('backup') !== translated.backup ||
        actual('backupTool') !== translated.backupTool
      ) {
        found.push(
          `backup: expected ${value} (${translated.backup}/${
            translated.backupTool
          }), found ${actual('backup')}/${actual('backupTool')}`,
        );
      }
    } else if (facet === 'monitoring' && typeof value === 'string') {
      if (
        !monitoringMatches(
          String(value),
          actual('monitoring'),
          actual('hosting'),
        )
      ) {
        found.push(
          `monitoring: expected ${value}, found ${actual('monitoring')}`,
        );
      }
    } else {
      const want =
        value === null ? UNKNOWN : same[facet]?.[String(value)] ?? value;
      if (actual(facet) !== want)
        found.push(`${facet}: expected ${want}, found ${actual(facet)}`);
    }
  }
  return found;
}

const scans = new Map<string, DetectionResult>();
/** A repository scanned with the built-in and the declared platforms, as the demo backend scans it. */
function scan(repository: string): DetectionResult {
  if (!scans.has(repository)) {
    const detectors: PlatformDetector[] = [
      ...builtinDetectors,
      ...declaredDetectors,
    ];
    scans.set(
      repository,
      detectRepository(
        new DirectoryRepositoryFiles(path.join(REPOSITORIES, repository), {
          repository,
        }),
        detectors,
      ),
    );
  }
  return scans.get(repository)!;
}

/** The detected server deployment a planted one describes: same files, then same environment. */
function findPlanted(entry: PlantedDeployment): DetectedDeployment | undefined {
  const candidates = scan(entry.repository).deployments.filter(
    d =>
      d.kind === 'server' &&
      d.platform === entry.platform &&
      d.files.some(file => entry.files.includes(file)),
  );
  return candidates.length === 1
    ? candidates[0]
    : candidates.find(d => d.facets.environment?.value === entry.environment);
}

beforeAll(() => loadHclParser());

describe('the demo enterprise (examples/)', () => {
  it.each(
    [...planted.deployments, ...planted.customPlatforms.deployments].map(
      d =>
        [
          `${d.repository} ${d.platform} ${d.form} ${d.environment}`,
          d,
        ] as const,
    ),
  )('finds %s with its expected facets', (_name, entry) => {
    const deployment = findPlanted(entry);
    expect(deployment).toBeDefined();
    expect(differences(entry.expected, deployment!)).toEqual([]);
  });

  it('finds no server deployment that is not planted, in any repository', () => {
    const repositories = fs
      .readdirSync(REPOSITORIES)
      .filter(name => fs.statSync(path.join(REPOSITORIES, name)).isDirectory());
    const plantedCount = (repository: string, platform: string) =>
      [...planted.deployments, ...planted.customPlatforms.deployments].filter(
        d => d.repository === repository && d.platform === platform,
      ).length;
    const platforms = [
      ...builtinDetectors.map(d => d.platform.id),
      ...planted.customPlatforms.platforms,
    ];
    const extra: string[] = [];
    for (const repository of repositories) {
      for (const platform of platforms) {
        const servers = scan(repository).deployments.filter(
          d => d.kind === 'server' && d.platform === platform,
        );
        if (servers.length !== plantedCount(repository, platform)) {
          extra.push(
            `${repository} ${platform}: ${
              servers.map(s => s.key).join(', ') || 'none'
            }`,
          );
        }
      }
    }
    expect(extra).toEqual([]);
  });

  it('finds every planted driver as a client deployment', () => {
    const missing = planted.drivers.filter(driver => {
      const file = driver.file.slice(driver.repository.length + 1);
      // The key writes Python packages with their extras (`psycopg[binary]`);
      // the package is the name without them.
      const name = driver.package.replace(/\[.*\]$/, '');
      return !scan(driver.repository).deployments.some(
        d =>
          d.kind === 'client' &&
          d.platform === driver.platform &&
          d.files.includes(file) &&
          d.facets.client?.value === name,
      );
    });
    expect(missing).toEqual([]);
  });

  it('finds the workloads the Vault agent injector serves as clients', () => {
    for (const entry of planted.vaultInjected) {
      const client = scan(entry.repository).deployments.find(
        d =>
          d.platform === 'vault' &&
          d.kind === 'client' &&
          d.files.includes(entry.file),
      );
      expect(client?.facets.role?.value).toBe(entry.role);
    }
  });

  describe('analysed as the backend analyses it', () => {
    const repositories = () =>
      fs
        .readdirSync(REPOSITORIES)
        .filter(name =>
          fs.statSync(path.join(REPOSITORIES, name)).isDirectory(),
        );
    const analyse = (platform: string) => {
      const detector = [...builtinDetectors, ...declaredDetectors].find(
        d => d.platform.id === platform,
      )!;
      const deployments = repositories().flatMap(repository =>
        scan(repository)
          .deployments.filter(
            d => d.platform === platform && d.kind === 'server',
          )
          .map(d => ({
            id: `${repository} ${d.key}`,
            lineage: repository,
            facets: Object.fromEntries(
              Object.entries(d.facets)
                .filter(([, f]) => f.value !== UNKNOWN)
                .map(([id, f]) => [id, f.value]),
            ),
          })),
      );
      return analyzePlatform({ platform: detector.platform, deployments });
    };
    const plantsOf = (platform: string) =>
      [...planted.deployments, ...planted.customPlatforms.deployments].filter(
        d => d.platform === platform && d.plant,
      );
    const repositoryOf = (id: string) => id.split(' ')[0];

    it.each(['kafka', 'redis', 'vault', 'opensearch'])(
      'flags exactly the planted %s departures, the planted facet first, and finds the positive deviant',
      platform => {
        const result = analyse(platform);
        const seen = result.findings.map(f => ({
          kind: f.kind,
          repositories: (f.deploymentIds ?? [f.deploymentId]).map(repositoryOf),
          facet: f.reasons[0]?.facet,
        }));
        const wanted = plantsOf(platform).map(p => ({
          kind: p.plant!.kind,
          repositories: [p.repository],
          facet: p.plant!.facet,
        }));
        const order = (
          a: { repositories: string[] },
          b: { repositories: string[] },
        ) => a.repositories[0].localeCompare(b.repositories[0]);
        expect(seen.sort(order)).toEqual(wanted.sort(order));
      },
    );

    it('does not flag a decoy', () => {
      const decoys = planted.deployments.filter(d => d.plant?.kind === 'decoy');
      expect(decoys.map(d => d.repository)).toEqual(['trade-blotter-service']);
      for (const decoy of decoys) {
        const flagged = analyse(decoy.platform).findings.filter(f =>
          (f.deploymentIds ?? [f.deploymentId]).some(
            id => repositoryOf(id) === decoy.repository,
          ),
        );
        expect(flagged).toEqual([]);
      }
    });
  });

  it('never outputs a planted credential, and reads every repository without problems', () => {
    const repositories = fs.readdirSync(REPOSITORIES);
    const outputs = repositories.map(repository =>
      JSON.stringify(scan(repository)),
    );
    for (const secret of planted.secrets) {
      expect(outputs.filter(output => output.includes(secret.value))).toEqual(
        [],
      );
    }
    expect(
      repositories.flatMap(repository => scan(repository).problems),
    ).toEqual([]);
  });
});
