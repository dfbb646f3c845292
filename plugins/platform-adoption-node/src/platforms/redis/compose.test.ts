import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { redisDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [redisDetector]);

describe('Redis from Compose', () => {
  it('reads the official image with a password, AOF on a volume and an exporter', () => {
    const COMPOSE = `services:
  cache:
    image: redis:7.4-alpine
    command: redis-server --requirepass "$\${REDIS_PASSWORD}" --appendonly yes
    volumes:
      - cache-data:/data
  exporter:
    image: oliver006/redis_exporter:v1.62.0
    environment:
      REDIS_ADDR: redis://cache:6379
volumes:
  cache-data: {}
`;
    const deployment = onlyServer(detect({ 'docker-compose.yml': COMPOSE }));
    expect(facetValues(deployment)).toEqual({
      hosting: 'docker',
      provisioning: 'compose',
      environment: 'development',
      distribution: 'redis',
      version: '7.4',
      topology: 'standalone',
      replicas: 1,
      failover: false,
      authentication: 'password',
      tls: false,
      persistence: 'aof+rdb',
      backup: 'none',
      backupTool: 'none',
      monitoring: 'prometheus',
    });
    expect(deployment.facets.monitoring.evidence).toMatchObject({
      line: lineOf(COMPOSE, 'exporter:'),
    });
  });

  it('groups a primary with its replicas and the Sentinel that watches them', () => {
    const result = detect({
      'compose.yaml': `services:
  primary:
    image: valkey/valkey:8.0
    command: ["valkey-server", "--save", "", "--appendonly", "no"]
  replica-1:
    image: valkey/valkey:8.0
    command: ["valkey-server", "--replicaof", "primary", "6379"]
  replica-2:
    image: valkey/valkey:8.0
    command: ["valkey-server", "--replicaof", "primary", "6379"]
  sentinel:
    image: valkey/valkey:8.0
    command: ["valkey-server", "/etc/sentinel.conf", "--sentinel"]
  cli:
    image: valkey/valkey:8.0
    command: ["valkey-cli", "-h", "primary", "ping"]
`,
    });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toMatchObject({
      distribution: 'valkey',
      version: '8.0',
      topology: 'replicated',
      replicas: 3,
      failover: true,
      authentication: 'none',
      persistence: 'none',
    });
    expect(deployment.facets.persistence.evidence.note).toBe(
      '--save "" and no AOF',
    );
  });

  it('reads Bitnami, Dragonfly and KeyDB images by their own conventions', () => {
    const result = detect({
      'dev/compose.yml': `services:
  bitnami:
    image: bitnami/redis:7.2.5-debian-12-r4
    environment:
      - REDIS_PASSWORD=\${REDIS_PASSWORD}
      - REDIS_TLS_ENABLED=yes
    volumes:
      - ./data:/bitnami/redis/data
  dragonfly:
    image: docker.dragonflydb.io/dragonflydb/dragonfly:v1.24.0
    ulimits:
      memlock: -1
    environment:
      DFLY_requirepass: local-only
      DFLY_snapshot_cron: "*/30 * * * *"
    volumes:
      - df:/data
  keydb:
    image: eqalpha/keydb:x86_64_v6.3.4
    command: keydb-server --server-threads 2 --active-replica yes
volumes:
  df: {}
`,
    });
    const byName = Object.fromEntries(
      result.deployments.map(d => [d.name, facetValues(d)]),
    );
    expect(byName.bitnami).toMatchObject({
      distribution: 'redis',
      version: '7.2.5',
      authentication: 'password',
      tls: true,
      persistence: 'aof+rdb',
    });
    expect(byName.dragonfly).toMatchObject({
      distribution: 'dragonfly',
      version: '1.24.0',
      authentication: 'password',
      persistence: 'rdb',
    });
    expect(byName.keydb).toMatchObject({
      distribution: 'keydb',
      version: '6.3.4',
      authentication: 'none',
      persistence: 'none',
    });
    expect(JSON.stringify(result)).not.toContain('local-only');
  });

  it('leaves an unresolved tag unknown, the image still naming the distribution', () => {
    const deployment = onlyServer(
      detect({
        'docker-compose.yml': `services:
  redis:
    image: redis:\${REDIS_TAG:-7}
`,
      }),
    );
    expect(deployment.facets.version.value).toBe(UNKNOWN);
    expect(deployment.facets.distribution.value).toBe('redis');
  });
});
