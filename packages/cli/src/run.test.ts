import { promises as fs } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { EXIT_SCANNED, EXIT_USAGE, runCommandLine } from './run';

let fleet: string;

/** Writes files (path → content) under `dir`, creating folders as needed. */
async function writeFiles(dir: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    await fs.mkdir(join(dir, path, '..'), { recursive: true });
    await fs.writeFile(join(dir, path), content);
  }
}

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCommandLine(argv, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
  });
  return { exitCode, stdout, stderr };
}

beforeEach(async () => {
  fleet = await fs.mkdtemp(join(os.tmpdir(), 'platform-adoption-cli-'));
  await writeFiles(fleet, {
    'payments-ledger/docker-compose.yaml': `services:
  ledger-db:
    image: mongo:7.0
    ports: ["27017:27017"]
`,
    'payments-ledger/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-ledger
spec:
  type: service
  lifecycle: production
  owner: team-payments
`,
    'orders-api/package.json': `{
  "name": "orders-api",
  "version": "1.4.0",
  "dependencies": { "express": "^4.21.0", "pg": "^8.11.3" }
}
`,
  });
});

afterEach(async () => {
  await fs.rm(fleet, { recursive: true, force: true });
});

describe('platform-adoption scan', () => {
  it('reports each deployment with its repository, owner, files and facets as JSON', async () => {
    const { exitCode, stdout, stderr } = await run('scan', fleet);

    expect(stderr).toBe('');
    expect(exitCode).toBe(EXIT_SCANNED);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['deployments', 'findings', 'errors']);
    expect(report.findings).toEqual([]);
    expect(report.errors).toEqual([]);

    // Sorted by repository: orders-api comes first.
    expect(
      report.deployments.map((d: any) => [d.repository, d.platform, d.owner]),
    ).toEqual([
      ['orders-api', 'postgresql', 'orders-api'],
      ['payments-ledger', 'mongodb', 'team-payments'],
    ]);

    const mongo = report.deployments[1];
    expect(Object.keys(mongo).sort()).toEqual(
      ['facets', 'files', 'id', 'owner', 'platform', 'repository'].sort(),
    );
    expect(mongo.id).toMatch(/^payments-ledger#.+/);
    expect(mongo.files).toEqual(['docker-compose.yaml']);
    expect(mongo.facets.version).toEqual({
      value: '7.0',
      evidence: expect.objectContaining({
        kind: 'file',
        path: 'docker-compose.yaml',
      }),
    });
  });

  it('gives a deployment the same id in every scan of the same files', async () => {
    const ids = async () =>
      JSON.parse((await run('scan', fleet)).stdout).deployments.map(
        (d: any) => d.id,
      );
    expect(await ids()).toEqual(await ids());
  });

  it('still exits 0 when a file cannot be read, listing it under errors', async () => {
    await writeFiles(fleet, {
      'payments-ledger/catalog-info.yaml': 'spec: {owner: [team-payments\n',
    });

    const { exitCode, stdout } = await run('scan', fleet);

    expect(exitCode).toBe(EXIT_SCANNED);
    const report = JSON.parse(stdout);
    expect(report.errors).toContainEqual({
      repository: 'payments-ledger',
      file: 'catalog-info.yaml',
      message: expect.stringContaining('not valid YAML'),
    });
    // Without a readable owner the folder's name stands in.
    expect(
      report.deployments.find((d: any) => d.platform === 'mongodb').owner,
    ).toBe('payments-ledger');

    // The table keeps stdout for the table and warns on stderr.
    const table = await run('scan', fleet, '--format', 'table');
    expect(table.exitCode).toBe(EXIT_SCANNED);
    expect(table.stdout).toMatch(
      /^payments-ledger\s+mongodb\s+payments-ledger\s/m,
    );
    expect(table.stderr).toMatch(
      /^warning: payments-ledger\/catalog-info\.yaml: catalog-info\.yaml is not valid YAML/m,
    );
  });

  it('prints an aligned table with the main facets for --format table', async () => {
    const { exitCode, stdout } = await run('scan', fleet, '--format', 'table');

    expect(exitCode).toBe(EXIT_SCANNED);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header.split(/\s+/)).toEqual([
      'REPOSITORY',
      'PLATFORM',
      'OWNER',
      'VERSION',
      'TOPOLOGY',
      'BACKUP',
      'AUTHENTICATION',
      'TLS',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(
      /^payments-ledger\s+mongodb\s+team-payments\s+7\.0\s/,
    );
    // Every row's platform starts in the header's PLATFORM column.
    const platformColumn = header.indexOf('PLATFORM');
    expect(rows.map(row => row.slice(platformColumn).split(' ')[0])).toEqual([
      'postgresql',
      'mongodb',
    ]);
  });

  describe('with custom platforms declared in an app-config (--config)', () => {
    const APP_CONFIG = `app:
  title: Example
platformAdoption:
  platforms:
    - id: opensearch
      title: OpenSearch
      vendor: OpenSearch Project
      facets:
        - { id: version, title: Version, kind: version, weight: 0.7 }
        - { id: environment, title: Environment, kind: nominal, weight: 0, context: strict }
        - { id: security, title: Security plugin, kind: boolean, weight: 1, better: [false, true] }
      entitySignals:
        resourceTypes: [opensearch]
      fileSignals:
        - globs: ['**/*compose*.yaml', '**/*compose*.yml']
          select: { image: opensearchproject/opensearch }
          facets:
            version: { path: container.image }
            security:
              path: container.environment.DISABLE_SECURITY_PLUGIN
              map: { 'true': false, 'false': true }
              default: true
`;

    it('finds the custom platform beside the built-in ones', async () => {
      await writeFiles(fleet, {
        'app-config.yaml': APP_CONFIG,
        'catalog-search/docker-compose.yaml': `services:
  search:
    image: opensearchproject/opensearch:2.13.0
    environment:
      DISABLE_SECURITY_PLUGIN: "true"
`,
      });
      const { exitCode, stdout, stderr } = await run(
        'scan',
        fleet,
        '--config',
        join(fleet, 'app-config.yaml'),
      );
      expect(stderr).toBe('');
      expect(exitCode).toBe(EXIT_SCANNED);
      const report = JSON.parse(stdout);
      const search = report.deployments.find(
        (d: any) => d.platform === 'opensearch',
      );
      expect(search).toMatchObject({
        repository: 'catalog-search',
        files: ['docker-compose.yaml'],
      });
      expect(
        Object.fromEntries(
          Object.entries(search.facets).map(([id, f]: [string, any]) => [
            id,
            f.value,
          ]),
        ),
      ).toEqual({
        version: '2.13.0',
        environment: 'development',
        security: false,
      });
      // The same scan without the declaration does not know the platform.
      const plain = JSON.parse((await run('scan', fleet)).stdout);
      expect(
        plain.deployments.some((d: any) => d.platform === 'opensearch'),
      ).toBe(false);
    });

    it('refuses a malformed declaration with one line naming the key', async () => {
      await writeFiles(fleet, {
        'app-config.yaml': APP_CONFIG.replace('kind: boolean', 'kind: text'),
      });
      const { exitCode, stdout, stderr } = await run(
        'scan',
        fleet,
        '--config',
        join(fleet, 'app-config.yaml'),
      );
      expect(exitCode).toBe(EXIT_USAGE);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `platform-adoption: ${join(
          fleet,
          'app-config.yaml',
        )}: platformAdoption.platforms[0].facets[2].kind must be one of nominal, ordinal, version, boolean, numeric (got "text")\n`,
      );
    });
  });

  describe('refuses an unusable command line with exit 2 and one line naming the argument', () => {
    it.each([
      [
        'a missing <dir>',
        () => ['scan', join(fleet, 'nope')],
        /^platform-adoption: The <dir> argument '.*nope' does not exist\n$/,
      ],
      [
        'a <dir> that is a file',
        () => ['scan', join(fleet, 'orders-api/package.json')],
        /^platform-adoption: The <dir> argument '.*package\.json' is not a directory\n$/,
      ],
      [
        'an unknown option',
        () => ['scan', fleet, '--colour'],
        /^platform-adoption: Unknown option '--colour'/,
      ],
      [
        'an unknown format',
        () => ['scan', fleet, '--format', 'xml'],
        /^platform-adoption: Invalid --format 'xml': expected json or table\n$/,
      ],
      [
        'no <dir>',
        () => ['scan'],
        /^platform-adoption: Missing <dir> argument/,
      ],
      [
        'a missing --config file',
        () => ['scan', fleet, '--config', join(fleet, 'app-config.yaml')],
        /^platform-adoption: The --config file '.*app-config\.yaml' does not exist\n$/,
      ],
    ])('%s', async (_, argv, message) => {
      const { exitCode, stdout, stderr } = await run(...argv());
      expect(exitCode).toBe(EXIT_USAGE);
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stdout).toBe('');
    });

    // Permissions do not stop root, so this can only be shown as a normal user.
    const describeAsNormalUser =
      process.getuid?.() === 0 ? describe.skip : describe;
    describeAsNormalUser('without read permission', () => {
      it('an unreadable <dir>', async () => {
        const locked = join(fleet, 'locked');
        await fs.mkdir(locked, { mode: 0o000 });
        try {
          const { exitCode, stderr } = await run('scan', locked);
          expect(exitCode).toBe(EXIT_USAGE);
          expect(stderr).toMatch(
            /The <dir> argument '.*locked' cannot be read \(permission denied\)/,
          );
        } finally {
          await fs.chmod(locked, 0o700);
        }
      });
    });
  });
});
