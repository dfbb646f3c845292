import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  builtinDetectors,
  DirectoryRepositoryFiles,
  loadHclParser,
  readDeclaredPlatforms,
} from '@platform-adoption/plugin-platform-adoption-node';
import fs from 'node:fs';
import path from 'node:path';
import { InThreadDetection } from './RepositoryDetection';
import { WorkerDetection } from './WorkerDetection';

const EXAMPLES = path.resolve(__dirname, '../../../../../examples/repositories');
const limits = { maxFileBytes: 1024 * 1024 };

/** Every file of a demo repository, as a read hands them to detection. */
function filesOf(dir: string) {
  return new Map(new DirectoryRepositoryFiles(dir).list(['**']).map(file => [file, fs.readFileSync(path.join(dir, file))]));
}

/** A platform declared in app-config: only a worker that read the config finds it. */
const declaredPlatforms = [
  {
    id: 'opensearch',
    title: 'OpenSearch',
    facets: [{ id: 'version', title: 'Version', kind: 'version', weight: 0.5 }],
    fileSignals: [{ globs: ['**/*compose*.yml'], select: { image: 'opensearchproject/opensearch' }, facets: { version: { path: 'container.image' } } }],
  },
];
const OPENSEARCH = `services:\n  search:\n    image: opensearchproject/opensearch:2.13.0\n`;

describe('WorkerDetection', () => {
  const detectors = [...builtinDetectors, ...readDeclaredPlatforms(new ConfigReader({ platformAdoption: { platforms: declaredPlatforms } }))];
  const platforms = detectors.map(d => d.platform.id);
  const inThread = new InThreadDetection(detectors);
  let detection: WorkerDetection;
  const logger = mockServices.logger.mock();

  beforeAll(() => loadHclParser());
  beforeEach(() => {
    detection = new WorkerDetection({ workers: 2, declaredPlatforms, fallback: inThread, platforms, logger });
  });
  afterEach(() => detection.close());

  it('finds in worker threads what the scan thread finds, for every demo repository', async () => {
    const repositories = fs.readdirSync(EXAMPLES).map(name => ({ name, files: filesOf(path.join(EXAMPLES, name)) }));
    expect(repositories.length).toBeGreaterThan(10);

    const inWorkers = await Promise.all(repositories.map(r => detection.detect(r.name, r.files, limits)));
    const here = await Promise.all(repositories.map(r => inThread.detect(r.name, r.files, limits)));

    expect(inWorkers).toEqual(here);
    expect(inWorkers.flatMap(r => r.deployments).length).toBeGreaterThan(20);
    expect(logger.warn).not.toHaveBeenCalled();
  }, 60_000);

  it('detects platforms declared in app-config', async () => {
    const result = await detection.detect('search-repo', new Map([['docker-compose.yml', Buffer.from(OPENSEARCH)]]), limits);

    expect(result.deployments.map(d => [d.platform, d.facets.version?.value])).toEqual([['opensearch', '2.13.0']]);
  }, 60_000);

  it('fails only the repository a dying worker was on, and goes on with a fresh one', async () => {
    const files = filesOf(path.join(EXAMPLES, fs.readdirSync(EXAMPLES)[0]));
    await detection.detect('warm-up', files, limits);
    const slots = (detection as any).slots as Array<{ worker: { terminate(): Promise<number> } }>;
    const pending = detection.detect('repo-being-parsed', files, limits);
    await slots[0].worker.terminate();

    await expect(pending).rejects.toThrow(/detection stopped on repo-being-parsed: its worker thread exited/);
    await expect(detection.detect('next-repo', files, limits)).resolves.toEqual(await inThread.detect('next-repo', files, limits));
  }, 60_000);

  it('falls back to the scan thread, saying why, when the workers build other detectors', async () => {
    const mismatched = new WorkerDetection({ workers: 1, declaredPlatforms: undefined, fallback: inThread, platforms, logger });
    try {
      // A worker says which detectors it built before it answers anything, so even the first answer is the scan's.
      const first = await mismatched.detect('search-repo', new Map([['docker-compose.yml', Buffer.from(OPENSEARCH)]]), limits);
      const next = await mismatched.detect('search-repo', new Map([['docker-compose.yml', Buffer.from(OPENSEARCH)]]), limits);

      expect([first, next].map(r => r.deployments.map(d => d.platform))).toEqual([['opensearch'], ['opensearch']]);
      expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/worker threads unavailable: its detectors \(.*\) differ from the scan's/));
    } finally {
      await mismatched.close();
    }
  }, 60_000);
});
