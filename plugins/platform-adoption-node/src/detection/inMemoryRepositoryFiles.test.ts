import { FileProblem } from '../parsing/fileContent';
import { InMemoryRepositoryFiles } from './inMemoryRepositoryFiles';

const files = new InMemoryRepositoryFiles(
  'github.com/acme/orders',
  new Map([
    ['./deploy/values-prod.yaml', Buffer.from('a: 1')],
    ['/infra/main.tf', Buffer.from('x = 1')],
    ['node_modules/lib/values.yaml', Buffer.from('a: 1')],
    ['vendor/chart/values.yaml', Buffer.from('a: 1')],
    ['../escape.yaml', Buffer.from('a: 1')],
    ['big.yaml', Buffer.alloc(64, 'a')],
    ['logo.png', Buffer.from([0x89, 0x50, 0x00, 0x00])],
  ]),
  { maxFileBytes: 32 },
);

describe('InMemoryRepositoryFiles', () => {
  it('lists files matching the globs by canonical path, never from skipped folders', () => {
    expect(files.list(['**/*.yaml'])).toEqual([
      'big.yaml',
      'deploy/values-prod.yaml',
    ]);
    expect(files.list(['**/*.tf'])).toEqual(['infra/main.tf']);
  });

  it('reads text and refuses what is too large, binary, missing or outside', () => {
    expect(files.text('deploy/values-prod.yaml')).toBe('a: 1');
    expect(() => files.text('big.yaml')).toThrow(
      /big\.yaml is 64 bytes, over the 32-byte limit/,
    );
    expect(() => files.text('logo.png')).toThrow(/logo\.png looks binary/);
    expect(() => files.text('nope.yaml')).toThrow(FileProblem);
    expect(() => files.text('deploy/../../etc/passwd')).toThrow(
      /outside the repository/,
    );
  });
});
