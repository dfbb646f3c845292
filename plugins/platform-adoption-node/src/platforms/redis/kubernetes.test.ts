import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { redisDetector } from './detector';
import { postgresqlDetector } from '../postgresql/detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [redisDetector]);

const REPLICATION = `apiVersion: redis.redis.opstreelabs.in/v1beta2
kind: RedisReplication
metadata:
  name: sessions
  namespace: web-prod
spec:
  clusterSize: 3
  kubernetesConfig:
    image: quay.io/opstree/redis:v7.2.7
    imagePullPolicy: IfNotPresent
    redisSecret:
      name: sessions-redis
      key: password
  redisExporter:
    enabled: true
    image: quay.io/opstree/redis-exporter:v1.44.0
  storage:
    volumeClaimTemplate:
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 5Gi
`;
const SENTINEL = `apiVersion: redis.redis.opstreelabs.in/v1beta2
kind: RedisSentinel
metadata:
  name: sessions-sentinel
  namespace: web-prod
spec:
  clusterSize: 3
  redisSentinelConfig:
    redisReplicationName: sessions
  kubernetesConfig:
    image: quay.io/opstree/redis-sentinel:v7.2.7
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: sessions-dump
  namespace: web-prod
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: dump
              image: redis:7.2
              command: ["sh", "-c", "redis-cli -h sessions --rdb /backup/dump.rdb && aws s3 cp /backup/dump.rdb s3://fernhill-redis-backups/sessions/"]
`;

describe('Redis from the OT-Container-Kit operator', () => {
  it('joins a RedisReplication with the Sentinel that watches it and its dump CronJob', () => {
    const deployment = onlyServer(
      detect({
        'k8s/redis/replication.yaml': REPLICATION,
        'k8s/redis/sentinel.yaml': SENTINEL,
      }),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'operator',
      environment: 'production',
      distribution: 'redis',
      version: '7.2.7',
      topology: 'replicated',
      replicas: 3,
      failover: true,
      authentication: 'password',
      tls: false,
      persistence: 'rdb',
      backup: 'snapshot',
      backupTool: 'rdb-cronjob',
      monitoring: 'prometheus',
    });
    expect(deployment.facets.failover.evidence).toMatchObject({
      path: 'k8s/redis/sentinel.yaml',
      line: 1,
    });
    expect(deployment.facets.backup.evidence).toMatchObject({
      path: 'k8s/redis/sentinel.yaml',
      line: lineOf(SENTINEL, 'apiVersion: batch/v1'),
    });
  });

  it('reads a RedisCluster with TLS and explicit leader and follower counts', () => {
    const CLUSTER = `apiVersion: redis.redis.opstreelabs.in/v1beta2
kind: RedisCluster
metadata:
  name: ledger-cache
  namespace: ledger-staging
spec:
  clusterSize: 3
  clusterVersion: v7
  persistenceEnabled: false
  kubernetesConfig:
    image: quay.io/opstree/redis:v7.0.15
  redisLeader:
    replicas: 3
  redisFollower:
    replicas: 6
  TLS:
    secret:
      secretName: ledger-cache-tls
  storage:
    volumeClaimTemplate:
      spec:
        resources:
          requests:
            storage: 1Gi
`;
    const deployment = onlyServer(detect({ 'cluster.yaml': CLUSTER }));
    expect(facetValues(deployment)).toMatchObject({
      environment: 'staging',
      topology: 'cluster',
      shards: 3,
      replicas: 3,
      failover: true,
      tls: true,
      authentication: 'none',
      persistence: 'none',
      backup: 'none',
      monitoring: 'none',
    });
    expect(deployment.facets.persistence.evidence.note).toBe(
      'persistenceEnabled false',
    );
  });

  it('reads a standalone Redis running a Valkey image', () => {
    const deployment = onlyServer(
      detect({
        'redis.yaml': `apiVersion: redis.redis.opstreelabs.in/v1beta2
kind: Redis
metadata:
  name: scratch
spec:
  kubernetesConfig:
    image: docker.io/valkey/valkey:8.0.2-alpine
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      distribution: 'valkey',
      version: '8.0.2',
      topology: 'standalone',
      replicas: 1,
      failover: false,
      persistence: 'none',
      environment: UNKNOWN,
    });
  });
});

describe('Redis from the Dragonfly operator', () => {
  it('reads replicas, authentication, TLS and snapshots to object storage', () => {
    const DRAGONFLY = `apiVersion: dragonflydb.io/v1alpha1
kind: Dragonfly
metadata:
  name: feed-cache
  namespace: feeds-prod
spec:
  image: docker.dragonflydb.io/dragonflydb/dragonfly:v1.25.1
  replicas: 3
  args:
    - "--cluster_mode=emulated"
    - "--dir=s3://fernhill-dragonfly/feed-cache"
  authentication:
    passwordFromSecret:
      name: feed-cache-auth
      key: password
  tlsSecretRef:
    name: feed-cache-tls
  snapshot:
    cron: "*/15 * * * *"
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: feed-cache
  namespace: feeds-prod
spec:
  selector:
    matchLabels:
      app: feed-cache
  podMetricsEndpoints:
    - port: admin
`;
    const deployment = onlyServer(detect({ 'dragonfly.yaml': DRAGONFLY }));
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'operator',
      environment: 'production',
      distribution: 'dragonfly',
      version: '1.25.1',
      replicas: 3,
      topology: 'replicated',
      failover: true,
      authentication: 'password',
      tls: true,
      persistence: 'rdb',
      backup: 'snapshot',
      backupTool: 'dragonfly-snapshot-to-object-storage',
      monitoring: 'prometheus',
    });
    expect(deployment.facets.backup.evidence.note).toBe(
      'snapshots written to s3://fernhill-dragonfly/feed-cache',
    );
  });

  it('takes a bare Dragonfly as one unprotected instance', () => {
    const deployment = onlyServer(
      detect({
        'df.yaml': `apiVersion: dragonflydb.io/v1alpha1
kind: Dragonfly
metadata:
  name: df-dev
spec: {}
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: UNKNOWN,
      replicas: 1,
      topology: 'standalone',
      failover: false,
      authentication: 'none',
      tls: false,
      persistence: 'none',
      environment: UNKNOWN,
    });
  });
});

describe('Redis from Bitnami Helm charts', () => {
  it('takes the redis chart defaults: replication, AOF on a volume, no failover', () => {
    const VALUES = `image:
  registry: docker.io
  repository: bitnami/redis
  tag: 7.4.2-debian-12-r0
auth:
  existingSecret: cart-redis
metrics:
  enabled: true
`;
    const deployment = onlyServer(
      detect({ 'deploy/redis/values-prod.yaml': VALUES }),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'helm',
      environment: 'production',
      distribution: 'redis',
      version: '7.4.2',
      topology: 'replicated',
      replicas: 4,
      failover: false,
      authentication: 'password',
      tls: false,
      monitoring: 'prometheus',
      persistence: 'aof',
      backup: 'none',
      backupTool: 'none',
    });
    expect(deployment.facets.replicas.evidence.note).toBe(
      'master and 3 replica(s) (chart default replica.replicaCount 3)',
    );
  });

  it('reads Sentinel, TLS and a custom configuration from a HelmRelease', () => {
    const RELEASE = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: redis
  namespace: checkout-staging
spec:
  chart:
    spec:
      chart: redis
      version: 20.6.2
  values:
    image:
      tag: 7.2.5
    sentinel:
      enabled: true
    replica:
      replicaCount: 3
    tls:
      enabled: true
      authClients: true
    auth:
      password: "Redis-Inline-Pw-77"
    commonConfiguration: |-
      appendonly yes
      save 900 1
`;
    const result = detect({ 'flux/redis.yaml': RELEASE });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toMatchObject({
      environment: 'staging',
      version: '7.2.5',
      topology: 'replicated',
      replicas: 3,
      failover: true,
      tls: true,
      authentication: 'password',
      persistence: 'aof+rdb',
    });
    expect(deployment.facets.authentication.evidence.note).toBe(
      'password written inline in the values (value not stored)',
    );
    expect(JSON.stringify(result)).not.toContain('Redis-Inline-Pw-77');
  });

  it('reads Valkey standalone without persistence, and redis-cluster', () => {
    const result = detect({
      'valkey/values.yaml': `image:
  repository: bitnami/valkey
  tag: 8.0.1-debian-12-r3
architecture: standalone
auth:
  enabled: false
primary:
  persistence:
    enabled: false
`,
      'cluster/values.yaml': `image:
  repository: bitnami/redis-cluster
  tag: 7.4.1-debian-12-r2
cluster:
  nodes: 9
  replicas: 2
password: \${REDIS_PASSWORD}
`,
    });
    const [cluster, valkey] = result.deployments;
    expect(facetValues(valkey)).toMatchObject({
      distribution: 'valkey',
      version: '8.0.1',
      topology: 'standalone',
      replicas: 1,
      failover: false,
      authentication: 'none',
      persistence: 'none',
    });
    expect(facetValues(cluster)).toMatchObject({
      distribution: 'redis',
      topology: 'cluster',
      shards: 3,
      replicas: 3,
      failover: true,
      authentication: 'password',
      persistence: 'aof',
    });
  });

  it('is not taken for PostgreSQL, nor PostgreSQL for it', () => {
    const redisValues = {
      'values.yaml':
        'architecture: replication\nreplica:\n  replicaCount: 2\nsentinel:\n  enabled: false\n',
    };
    expect(detectFiles(redisValues, [postgresqlDetector]).deployments).toEqual(
      [],
    );
    expect(onlyServer(detect(redisValues)).facets.replicas.value).toBe(3);
    expect(
      detect({
        'values.yaml':
          'architecture: replication\nprimary:\n  persistence:\n    size: 8Gi\nreadReplicas:\n  replicaCount: 1\n',
      }).deployments,
    ).toEqual([]);
  });
});
