import { ConfigReader } from '@backstage/config';
import { resolve } from 'node:path';
import { readLocalRepositoryLocations } from './localRepositoriesConfig';
import { repositoryPathOf } from './repositoryPath';

const base = new URL('https://git.fernhill.example/');

describe('repositoryPathOf', () => {
  it.each([
    ['https://git.fernhill.example/payments-ledger/', 'payments-ledger'],
    [
      'https://git.fernhill.example/payments-ledger/tree/main/deploy/helm',
      'payments-ledger/deploy/helm',
    ],
    [
      'https://git.fernhill.example/payments-ledger/blob/main/package.json',
      'payments-ledger/package.json',
    ],
    [
      'https://git.fernhill.example/payments-ledger/docs/My%20Notes.md',
      'payments-ledger/docs/My Notes.md',
    ],
    [
      'https://git.fernhill.example/payments-ledger/tree',
      'payments-ledger/tree',
    ],
  ])('maps %s to %s', (url, path) => {
    expect(repositoryPathOf(url, base)).toBe(path);
  });

  it('refuses a URL of another host', () => {
    expect(() =>
      repositoryPathOf('https://github.com/fernhill/payments-ledger', base),
    ).toThrow(/only serves URLs under https:\/\/git.fernhill.example\//);
  });
});

describe('readLocalRepositoryLocations', () => {
  it('resolves roots against the working directory and ends base URLs with a slash', () => {
    const [location] = readLocalRepositoryLocations(
      new ConfigReader({
        platformAdoption: {
          localRepositories: [
            {
              baseUrl: 'https://git.fernhill.example/demo',
              root: 'examples/repositories',
            },
          ],
        },
      }),
    );
    expect(location.root).toBe(resolve(process.cwd(), 'examples/repositories'));
    expect(location.baseUrl.href).toBe('https://git.fernhill.example/demo/');
  });

  it('names the config key when a base URL is not a URL', () => {
    expect(() =>
      readLocalRepositoryLocations(
        new ConfigReader({
          platformAdoption: {
            localRepositories: [{ baseUrl: 'git.fernhill.example', root: '.' }],
          },
        }),
      ),
    ).toThrow(
      "Invalid platformAdoption.localRepositories[0].baseUrl 'git.fernhill.example'",
    );
  });
});
