import { promises as fs } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { UrlReaderService, coreServices } from '@backstage/backend-plugin-api';
import {
  ServiceFactoryTester,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  UrlReaders,
  urlReaderServiceFactory,
} from '@backstage/backend-defaults/urlReader';
import { LocalRepositoryUrlReader } from './LocalRepositoryUrlReader';
import { localRepositoryUrlReaderFactory } from './localRepositoryUrlReaderFactory';

const BASE = 'https://git.fernhill.example/';

const COMPOSE = `services:
  orders-db:
    image: mongo:7.0
`;
const PACKAGE_JSON = `{ "name": "payments-ledger", "dependencies": { "pg": "^8.11.0" } }
`;

let workDir: string;
let root: string;
let reader: UrlReaderService;

/** Writes files (path → content) under `dir`, creating folders as needed. */
async function writeFiles(dir: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    await fs.mkdir(join(dir, path, '..'), { recursive: true });
    await fs.writeFile(join(dir, path), content);
  }
}

async function contentsOf(url: string, filter?: (path: string) => boolean) {
  const tree = await reader.readTree(url, { filter });
  const files = await tree.files();
  const contents: Record<string, string> = {};
  for (const file of files) {
    contents[file.path] = (await file.content()).toString('utf8');
  }
  return contents;
}

beforeEach(async () => {
  workDir = await fs.mkdtemp(join(os.tmpdir(), 'local-repositories-'));
  root = join(workDir, 'repositories');
  await writeFiles(root, {
    'payments-ledger/docker-compose.yaml': COMPOSE,
    'payments-ledger/package.json': PACKAGE_JSON,
    'payments-ledger/deploy/values.yaml': 'replicas: 3\n',
    'payments-ledger/.git/config': '[core]\n',
    'payments-ledger/node_modules/pg/package.json': '{"name":"pg"}',
  });
  // What a confinement failure would leak.
  await writeFiles(workDir, { 'outside/secret.txt': 'top secret' });

  reader = UrlReaders.default({
    logger: mockServices.logger.mock(),
    config: mockServices.rootConfig({
      data: {
        platformAdoption: { localRepositories: [{ baseUrl: BASE, root }] },
      },
    }),
    factories: [LocalRepositoryUrlReader.factory],
  });
});

afterEach(async () => {
  await fs.rm(workDir, { recursive: true, force: true });
});

describe('LocalRepositoryUrlReader', () => {
  describe('readTree', () => {
    it("reads a repository's files, leaving out .git and node_modules", async () => {
      await expect(contentsOf(`${BASE}payments-ledger/`)).resolves.toEqual({
        'docker-compose.yaml': COMPOSE,
        'package.json': PACKAGE_JSON,
        'deploy/values.yaml': 'replicas: 3\n',
      });
    });

    it('reads a sub-folder from a Git-host style tree URL', async () => {
      await expect(
        contentsOf(`${BASE}payments-ledger/tree/main/deploy`),
      ).resolves.toEqual({ 'values.yaml': 'replicas: 3\n' });
    });

    it('returns only the files the filter accepts, telling it their size', async () => {
      const seen: Array<[string, number | undefined]> = [];
      const tree = await reader.readTree(`${BASE}payments-ledger`, {
        filter: (path, info) => {
          seen.push([path, info?.size]);
          return path.endsWith('.yaml');
        },
      });

      const paths = (await tree.files()).map(file => file.path).sort();
      expect(paths).toEqual(['deploy/values.yaml', 'docker-compose.yaml']);
      expect(seen).toContainEqual(['package.json', PACKAGE_JSON.length]);
    });

    it('answers a read with the etag it returned with NotModifiedError', async () => {
      const first = await reader.readTree(`${BASE}payments-ledger`);
      expect(first.etag).toMatch(/^[0-9a-f]{64}$/);

      await expect(
        reader.readTree(`${BASE}payments-ledger`, { etag: first.etag }),
      ).rejects.toMatchObject({ name: 'NotModifiedError' });
    });

    it('gives a new etag and the new content once a file changes', async () => {
      const first = await reader.readTree(`${BASE}payments-ledger`);
      await fs.writeFile(
        join(root, 'payments-ledger/deploy/values.yaml'),
        'replicas: 5\n',
      );
      const later = new Date(Date.now() + 5000);
      await fs.utimes(
        join(root, 'payments-ledger/deploy/values.yaml'),
        later,
        later,
      );

      const second = await reader.readTree(`${BASE}payments-ledger`, {
        etag: first.etag,
      });
      expect(second.etag).not.toBe(first.etag);
      const files = await second.files();
      const values = files.find(file => file.path === 'deploy/values.yaml');
      expect((await values!.content()).toString()).toBe('replicas: 5\n');
    });

    it('gives NotFoundError naming the URL for an unknown repository', async () => {
      const url = `${BASE}no-such-repository`;
      await expect(reader.readTree(url)).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining(url),
      });
    });
  });

  describe('readUrl', () => {
    it('reads a file from a blob URL with an etag that makes the next read conditional', async () => {
      const url = `${BASE}payments-ledger/blob/main/docker-compose.yaml`;
      const file = await reader.readUrl(url);
      expect((await file.buffer()).toString()).toBe(COMPOSE);

      await expect(
        reader.readUrl(url, { etag: file.etag }),
      ).rejects.toMatchObject({ name: 'NotModifiedError' });
    });
  });

  describe('search', () => {
    it('finds the files a glob matches, with URLs the reader can read back', async () => {
      const found = await reader.search(
        `${BASE}payments-ledger/tree/main/**/*.yaml`,
      );

      expect(found.files.map(file => file.url).sort()).toEqual([
        `${BASE}payments-ledger/deploy/values.yaml`,
        `${BASE}payments-ledger/docker-compose.yaml`,
      ]);
      const values = found.files.find(file => file.url.endsWith('values.yaml'));
      expect((await values!.content()).toString()).toBe('replicas: 3\n');
      await expect(
        reader.search(`${BASE}payments-ledger/**/*.yaml`, { etag: found.etag }),
      ).rejects.toMatchObject({ name: 'NotModifiedError' });
    });

    it('finds an exact file, and nothing for a file that does not exist', async () => {
      const found = await reader.search(`${BASE}payments-ledger/package.json`);
      expect(found.files.map(file => file.url)).toEqual([
        `${BASE}payments-ledger/package.json`,
      ]);

      const missing = await reader.search(`${BASE}payments-ledger/pom.xml`);
      expect(missing.files).toEqual([]);
    });
  });

  describe('confinement to the repositories folder', () => {
    // Each URL would reach outside/secret.txt if it were not refused.
    it.each([
      ['a .. segment', () => `${BASE}payments-ledger/../../outside/secret.txt`],
      [
        'a percent-encoded .. segment',
        () => `${BASE}payments-ledger/%2e%2e/%2E%2E/outside/secret.txt`,
      ],
      [
        'an encoded separator',
        () => `${BASE}payments-ledger/..%2f..%2foutside/secret.txt`,
      ],
      ['an absolute path', () => `${BASE}${workDir}/outside/secret.txt`],
    ])('refuses %s with InputError naming the URL', async (_, urlOf) => {
      const url = urlOf();
      const expected = {
        name: 'InputError',
        message: expect.stringContaining(url),
      };
      await expect(reader.readUrl(url)).rejects.toMatchObject(expected);
      await expect(reader.readTree(url)).rejects.toMatchObject(expected);
    });

    it('refuses a symlink that points outside, whether named directly or met in a tree', async () => {
      await fs.symlink(
        join(workDir, 'outside/secret.txt'),
        join(root, 'payments-ledger/leak.txt'),
      );
      await fs.symlink(
        join(workDir, 'outside'),
        join(root, 'payments-ledger/leaks'),
      );
      await fs.symlink(join(workDir, 'outside'), join(root, 'escape-hatch'));

      await expect(
        reader.readUrl(`${BASE}payments-ledger/leak.txt`),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(
        reader.readTree(`${BASE}escape-hatch`),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      const contents = await contentsOf(`${BASE}payments-ledger`);
      expect(Object.keys(contents).sort()).toEqual([
        'deploy/values.yaml',
        'docker-compose.yaml',
        'package.json',
      ]);
    });

    it('follows a symlink that stays inside the folder', async () => {
      await fs.symlink(
        join(root, 'payments-ledger/deploy'),
        join(root, 'payments-ledger/current'),
      );
      await expect(contentsOf(`${BASE}payments-ledger`)).resolves.toMatchObject(
        {
          'current/values.yaml': 'replicas: 3\n',
        },
      );
    });
  });

  it('is added to the backend UrlReaderService by localRepositoryUrlReaderFactory', async () => {
    const urlReader = await ServiceFactoryTester.from(urlReaderServiceFactory, {
      dependencies: [
        localRepositoryUrlReaderFactory,
        mockServices.rootConfig.factory({
          data: {
            platformAdoption: { localRepositories: [{ baseUrl: BASE, root }] },
          },
        }),
      ],
    }).getService(coreServices.urlReader);

    const file = await urlReader.readUrl(`${BASE}payments-ledger/package.json`);
    expect((await file.buffer()).toString()).toBe(PACKAGE_JSON);
  });
});
