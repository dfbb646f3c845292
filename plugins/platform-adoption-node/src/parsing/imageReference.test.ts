import { parseImageReference, versionFromImageTag } from './imageReference';

describe('parseImageReference', () => {
  it.each([
    [
      'mongo',
      {
        repository: 'mongo',
        name: 'mongo',
        tag: undefined,
        registry: undefined,
      },
    ],
    ['mongo:7.0', { repository: 'mongo', name: 'mongo', tag: '7.0' }],
    [
      'library/postgres:16-alpine',
      { repository: 'postgres', name: 'postgres', tag: '16-alpine' },
    ],
    [
      'docker.io/bitnami/mongodb:7.0.14-debian-12-r0',
      {
        registry: 'docker.io',
        repository: 'bitnami/mongodb',
        name: 'mongodb',
        tag: '7.0.14-debian-12-r0',
      },
    ],
    [
      'registry:5000/team/postgres:15@sha256:abc',
      {
        registry: 'registry:5000',
        repository: 'team/postgres',
        name: 'postgres',
        tag: '15',
        digest: 'sha256:abc',
      },
    ],
    [
      'ghcr.io/cloudnative-pg/postgresql:16.4',
      {
        registry: 'ghcr.io',
        repository: 'cloudnative-pg/postgresql',
        name: 'postgresql',
        tag: '16.4',
      },
    ],
    [
      'localhost/mongo@sha256:def',
      {
        registry: 'localhost',
        repository: 'mongo',
        tag: undefined,
        digest: 'sha256:def',
      },
    ],
  ])('splits %s', (reference, expected) => {
    expect(parseImageReference(reference)).toMatchObject(expected);
  });

  it('refuses what is not a reference', () => {
    expect(parseImageReference('')).toBeUndefined();
    expect(parseImageReference('two words')).toBeUndefined();
  });
});

describe('versionFromImageTag', () => {
  const version = (reference: string) =>
    versionFromImageTag(parseImageReference(reference)!);

  it.each([
    ['mongo:7.0', '7.0'],
    ['bitnami/mongodb:7.0.14-debian-12-r0', '7.0.14'],
    ['postgres:16-alpine', '16'],
    ['postgres:16.4-bookworm', '16.4'],
    ['postgis/postgis:16-3.4', '16'],
    [
      'registry.developers.crunchydata.com/crunchydata/crunchy-postgres:ubi8-16.4-0',
      '16.4',
    ],
    ['mongodb/mongodb-community-server:7.0.5-ubuntu2204', '7.0.5'],
    ['mongo:v6.0.14', '6.0.14'],
  ])('reads the server version of %s', (reference, expected) => {
    expect(version(reference)).toEqual({ pinned: true, version: expected });
  });

  it('says latest is not a version', () => {
    expect(version('mongo:latest')).toEqual({
      pinned: false,
      note: 'unpinned: latest',
    });
    expect(version('mongo')).toEqual({
      pinned: false,
      note: 'unpinned: latest (no tag)',
    });
  });

  it('does not read versions into digests or words', () => {
    expect(version('mongo@sha256:abc').pinned).toBe(false);
    expect(version('postgres:alpine').pinned).toBe(false);
    expect(version('timescale/timescaledb:latest-pg16').pinned).toBe(false);
  });
});
