import {
  REDACTED,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { builtinDetectors } from '../platforms';
import { repositoryOf } from '../testing/detect';
import { detectRepository } from './engine';
import { InMemoryRepositoryFiles } from './inMemoryRepositoryFiles';
import { ParsedRepository } from './parsedRepository';
import { PlatformDetector } from './types';

function detector(
  id: string,
  detect: PlatformDetector['detect'],
): PlatformDetector {
  return {
    platform: { id, title: id, facets: [] },
    entitySignals: {},
    fileGlobs: ['**/*'],
    detect,
  };
}

const evidence = { kind: 'file' as const, path: 'x.yaml', line: 1 };

describe('detectRepository', () => {
  it('runs every detector and keeps the results of the others when one throws', () => {
    const working = detector('redis', () => ({
      deployments: [
        {
          platform: 'redis',
          kind: 'server',
          key: 'a',
          name: 'a',
          files: [],
          facets: {},
        },
      ],
      problems: [],
    }));
    const failing = detector('kafka', () => {
      throw new Error('cannot read broker config');
    });
    const result = detectRepository(repositoryOf({}, {}, 'payments-api'), [
      failing,
      working,
    ]);
    expect(result.deployments.map(d => d.platform)).toEqual(['redis']);
    expect(result.problems).toEqual([
      {
        source: 'payments-api',
        message:
          'Detector "kafka" failed on repository payments-api: cannot read broker config',
      },
    ]);
  });

  it('redacts credentials in every string a detector returns, whatever the detector', () => {
    const careless = detector('careless', () => ({
      deployments: [
        {
          platform: 'careless',
          kind: 'server',
          key: 'svc',
          name: 'mongodb://admin:hunter2@db:27017',
          files: [],
          facets: {
            password: { value: 'hunter2', evidence },
            connection: {
              value: 'postgres://app:s3cret@db/app',
              evidence: {
                ...evidence,
                note: 'from DATABASE_URL=postgres://app:s3cret@db/app',
              },
            },
            version: { value: UNKNOWN, evidence },
            replicas: { value: 3, evidence },
          },
        },
      ],
      problems: [{ source: 'r', message: 'bad value mongodb://root:rootpw@h' }],
    }));
    const result = detectRepository(repositoryOf({}), [careless]);
    const output = JSON.stringify(result);
    for (const secret of ['hunter2', 's3cret', 'rootpw'])
      expect(output).not.toContain(secret);
    const facets = result.deployments[0].facets;
    expect(facets.password.value).toBe(REDACTED);
    expect(facets.connection.value).toBe('postgres://app@db/app');
    expect(facets.version.value).toBe(UNKNOWN);
    expect(facets.replicas.value).toBe(3);
  });

  it('reports a problem met by several detectors once, and the problems of shared parsing', () => {
    const files = repositoryOf({
      'a.yaml': 'x: [1\n',
      'b.bin': '\u0000\u0001',
    });
    const reader = (id: string) =>
      detector(id, f => {
        const parsed = ParsedRepository.of(f);
        parsed.configDocuments('a.yaml');
        parsed.text('b.bin');
        return { deployments: [], problems: parsed.problems };
      });
    const result = detectRepository(files, [reader('one'), reader('two')]);
    expect(result.problems.map(p => p.file)).toEqual(['a.yaml', 'b.bin']);
    expect(result.problems[1].message).toContain('b.bin looks binary');
  });

  it('keeps deployment keys unique within a repository', () => {
    const twice = detector('p', () => ({
      deployments: [1, 2].map(() => ({
        platform: 'p',
        kind: 'server' as const,
        key: 'same',
        name: 'n',
        files: [],
        facets: {},
      })),
      problems: [],
    }));
    expect(
      detectRepository(repositoryOf({}), [twice]).deployments.map(d => d.key),
    ).toEqual(['same', 'same#2']);
  });

  it('turns hostile or unusable files into problems naming them, and still scans the rest', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      bomb.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    }
    const files = new InMemoryRepositoryFiles(
      'platform-config',
      new Map([
        ['bomb.yaml', Buffer.from(bomb.join('\n'))],
        ['huge-values.yaml', Buffer.alloc(4096, 'a')],
        ['blob.yml', Buffer.from([0x00, 0x01, 0x02])],
        [
          'latin1.yaml',
          Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9]),
        ],
        [
          'docker-compose.yml',
          Buffer.from('services:\n  db:\n    image: postgres:16\n'),
        ],
      ]),
      { maxFileBytes: 1024 },
    );
    const result = detectRepository(files, builtinDetectors);
    expect(result.deployments.map(d => d.key)).toEqual([
      'docker-compose.yml#db',
    ]);
    expect(result.problems.map(p => [p.file, p.message.split(';')[0]])).toEqual(
      [
        ['blob.yml', 'blob.yml looks binary (it contains NUL bytes)'],
        [
          'bomb.yaml',
          'bomb.yaml: YAML document dereferences aliases more than 1000 times',
        ],
        [
          'huge-values.yaml',
          'huge-values.yaml is 4096 bytes, over the 1024-byte limit for one file',
        ],
        ['latin1.yaml', 'latin1.yaml is not valid UTF-8 text'],
      ],
    );
  });
});
