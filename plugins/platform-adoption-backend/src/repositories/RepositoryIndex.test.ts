import { RepositoryIndex } from './RepositoryIndex';

const repositories = [
  'https://github.com/acme/ledger/tree/main/',
  'https://github.com/acme/mono/tree/main/services/payments/',
  'https://github.com/acme/mono/tree/main/services/fraud/',
  'https://gitlab.example.com/bank/Cards/',
];

const touched = (...urls: string[]) => [...new RepositoryIndex(repositories).touchedBy(urls)].sort();

describe('RepositoryIndex.touchedBy', () => {
  it('finds the repository a pushed file lies in, named as a blob or as a tree', () => {
    expect(touched('https://github.com/acme/ledger/blob/main/docker-compose.yml')).toEqual([
      'https://github.com/acme/ledger/tree/main/',
    ]);
    expect(touched('https://github.com/acme/mono/tree/main/services/fraud/helm/values.yaml')).toEqual([
      'https://github.com/acme/mono/tree/main/services/fraud/',
    ]);
  });

  it('finds every repository below a URL that names a repository root or a folder above them', () => {
    expect(touched('https://github.com/acme/mono')).toEqual([
      'https://github.com/acme/mono/tree/main/services/fraud/',
      'https://github.com/acme/mono/tree/main/services/payments/',
    ]);
    expect(touched('https://github.com/acme/ledger/')).toEqual(['https://github.com/acme/ledger/tree/main/']);
  });

  it('compares without case, and answers with the repository as the catalog names it', () => {
    expect(touched('https://GITLAB.example.com/BANK/cards/-/blob/main/values.yaml')).toEqual([
      'https://gitlab.example.com/bank/Cards/',
    ]);
  });

  it('ignores URLs outside every repository, a sibling with a longer name, and a bare host', () => {
    expect(touched('https://github.com/acme/ledger-v2/blob/main/x.yaml', 'https://github.com/', 'not a url')).toEqual([]);
  });
});
