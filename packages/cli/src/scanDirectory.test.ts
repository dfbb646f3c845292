import { promises as fs } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PlatformDetector } from '@platform-adoption/plugin-platform-adoption-node';
import { scanDirectory } from './scanDirectory';

/** Reports one deployment per `*.queue` file, in reverse order of path. */
const queueDetector: PlatformDetector = {
  platform: { id: 'acme-queue', title: 'Acme Queue', facets: [] },
  entitySignals: {},
  fileGlobs: ['**/*.queue'],
  detect: files => ({
    deployments: files
      .list(['**/*.queue'])
      .reverse()
      .map(path => ({
        platform: 'acme-queue',
        kind: 'server' as const,
        key: path,
        name: path,
        files: [path],
        facets: {},
      })),
    problems: [],
  }),
};

let fleet: string;

beforeEach(async () => {
  fleet = await fs.mkdtemp(join(os.tmpdir(), 'platform-adoption-scan-'));
  for (const path of [
    'zeta/a.queue',
    'alpha/b.queue',
    'alpha/a.queue',
    '.git/objects/c.queue',
    'node_modules/acme/d.queue',
  ]) {
    await fs.mkdir(join(fleet, path, '..'), { recursive: true });
    await fs.writeFile(join(fleet, path), 'size: 1\n');
  }
});

afterEach(async () => {
  await fs.rm(fleet, { recursive: true, force: true });
});

describe('scanDirectory', () => {
  it('scans each visible subfolder as a repository, in order of repository then key', async () => {
    const scan = await scanDirectory(fleet, [queueDetector]);

    expect(scan.repositories).toEqual(['alpha', 'zeta']);
    expect(scan.deployments.map(d => `${d.repository}#${d.key}`)).toEqual([
      'alpha#a.queue',
      'alpha#b.queue',
      'zeta#a.queue',
    ]);
  });
});
