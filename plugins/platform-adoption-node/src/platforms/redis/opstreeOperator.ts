import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  mapAt,
  scalarAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { asCount, SourcedValue } from '../shared/sourcedValue';
import { REDIS_PLATFORM_ID } from './definition';
import {
  setDistributionFromImage,
  setRedisVersionFromImage,
} from './distribution';
import { setRdbCronJobBackup } from './rdbBackup';

const GROUP = 'redis.redis.opstreelabs.in';
const KINDS = ['Redis', 'RedisReplication', 'RedisCluster'];

/**
 * The OT-Container-Kit redis-operator's resources
 * (redis.redis.opstreelabs.in v1beta1/v1beta2): `Redis` (standalone),
 * `RedisReplication` (a primary and replicas, failing over when a
 * `RedisSentinel` names it) and `RedisCluster` (sharded). A
 * `RedisSentinel` alone holds no data.
 */
export function detectOpstreeRedis(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const objects = repo.kubernetesObjects();
  return objects
    .filter(o => o.group === GROUP && KINDS.includes(o.kind))
    .map(object => describe(object, objects));
}

function describe(
  object: KubernetesObject,
  objects: KubernetesObject[],
): DetectedDeployment {
  const { builder, at } = kubernetesDeployment(
    REDIS_PLATFORM_ID,
    object,
    'operator',
  );
  const path = object.path;
  const image = at(['spec', 'kubernetesConfig', 'image']);
  if (image) {
    setRedisVersionFromImage(builder, image);
    setDistributionFromImage(builder, image);
  } else {
    const evidence = fileEvidence(
      path,
      object.line,
      "no image: the operator's default",
    );
    builder.unknown('version', evidence);
    builder.set('distribution', 'redis', evidence);
  }

  if (object.kind === 'RedisCluster') setClusterShape(builder, object, at);
  else if (object.kind === 'RedisReplication')
    setReplicationShape(builder, object, objects, at);
  else {
    const evidence = fileEvidence(
      path,
      object.line,
      'Redis: one standalone server',
    );
    builder.set('topology', 'standalone', evidence);
    builder.set('replicas', 1, evidence);
    builder.set('failover', false, evidence);
  }

  const acl = mapAt(object.root, ['spec', 'acl']);
  const secret = mapAt(object.root, [
    'spec',
    'kubernetesConfig',
    'redisSecret',
  ]);
  if (acl)
    builder.set(
      'authentication',
      'acl',
      fileEvidence(path, acl.line, 'spec.acl users'),
    );
  else if (secret)
    builder.set(
      'authentication',
      'password',
      fileEvidence(
        path,
        secret.line,
        `password from Secret ${stringAt(secret, ['name']) ?? ''}`.trim(),
      ),
    );
  else
    builder.set(
      'authentication',
      'none',
      fileEvidence(path, object.line, 'no redisSecret or acl: no password'),
    );

  const tls = valueAt(object.root, ['spec', 'TLS']);
  builder.set(
    'tls',
    tls !== undefined,
    fileEvidence(
      path,
      tls?.line ?? object.line,
      tls ? 'spec.TLS' : 'no spec.TLS',
    ),
  );

  setPersistence(builder, object);
  setRdbCronJobBackup(builder, objects, object);

  const exporter = scalarAt(object.root, ['spec', 'redisExporter', 'enabled']);
  const scraped = exporter ? asBoolean(exporter.value) === true : false;
  builder.set(
    'monitoring',
    scraped ? 'prometheus' : 'none',
    fileEvidence(
      path,
      exporter?.line ?? object.line,
      scraped ? 'redisExporter' : 'no redisExporter',
    ),
  );
  return builder.build();
}

/**
 * `clusterSize` leaders (shards), each with followers: by default as many
 * followers as leaders, one per shard; `redisLeader.replicas` and
 * `redisFollower.replicas` override the counts.
 */
function setClusterShape(
  builder: DeploymentBuilder,
  object: KubernetesObject,
  at: (path: Array<string | number>) => SourcedValue | undefined,
) {
  const path = object.path;
  const count = (value: SourcedValue | undefined) =>
    value?.value.kind === 'scalar' ? asCount(value.value.value) : undefined;
  const size = at(['spec', 'clusterSize']);
  const leaders = count(at(['spec', 'redisLeader', 'replicas'])) ?? count(size);
  const followers =
    count(at(['spec', 'redisFollower', 'replicas'])) ?? count(size);
  const evidence = fileEvidence(
    path,
    size?.value.line ?? object.line,
    `RedisCluster: ${leaders ?? '?'} leader(s), ${
      followers ?? '?'
    } follower(s)`,
  );
  builder.set('topology', 'cluster', evidence);
  if (leaders === undefined || followers === undefined || leaders === 0) {
    builder.unknown('shards', evidence);
    builder.unknown('replicas', evidence);
  } else {
    builder.set('shards', leaders, evidence);
    builder.set('replicas', 1 + Math.floor(followers / leaders), evidence);
  }
  builder.set(
    'failover',
    (followers ?? 0) > 0,
    fileEvidence(
      path,
      object.line,
      'Redis Cluster promotes a follower when its leader fails',
    ),
  );
}

function setReplicationShape(
  builder: DeploymentBuilder,
  object: KubernetesObject,
  objects: KubernetesObject[],
  at: (path: Array<string | number>) => SourcedValue | undefined,
) {
  const path = object.path;
  const size = at(['spec', 'clusterSize']);
  const members =
    size?.value.kind === 'scalar' ? asCount(size.value.value) : undefined;
  const evidence = fileEvidence(
    path,
    size?.value.line ?? object.line,
    'RedisReplication: clusterSize pods, one of them the primary',
  );
  if (members === undefined) {
    builder.unknown('replicas', evidence);
    builder.unknown('topology', evidence);
  } else {
    builder.set('replicas', members, evidence);
    builder.set(
      'topology',
      members > 1 ? 'replicated' : 'standalone',
      evidence,
    );
  }
  const sentinel = objects.find(
    other =>
      other.group === GROUP &&
      other.kind === 'RedisSentinel' &&
      (other.namespace ?? 'default') === (object.namespace ?? 'default') &&
      stringAt(other.root, [
        'spec',
        'redisSentinelConfig',
        'redisReplicationName',
      ]) === object.name,
  );
  if (sentinel) builder.addFile(sentinel.path);
  builder.set(
    'failover',
    sentinel !== undefined,
    sentinel
      ? fileEvidence(
          sentinel.path,
          sentinel.line,
          `RedisSentinel ${sentinel.name}`,
        )
      : fileEvidence(
          path,
          object.line,
          'no RedisSentinel for this replication',
        ),
  );
}

/**
 * With a volume claim template the operator mounts a volume at the data
 * directory, where Redis's default configuration writes RDB snapshots; a
 * RedisCluster can switch that off with `persistenceEnabled: false`.
 */
function setPersistence(builder: DeploymentBuilder, object: KubernetesObject) {
  const path = object.path;
  const claim = mapAt(object.root, ['spec', 'storage', 'volumeClaimTemplate']);
  const enabled = scalarAt(object.root, ['spec', 'persistenceEnabled']);
  const config = stringAt(object.root, [
    'spec',
    'redisConfig',
    'additionalRedisConfig',
  ]);
  if (!claim || (enabled && asBoolean(enabled.value) === false)) {
    builder.set(
      'persistence',
      'none',
      fileEvidence(
        path,
        enabled?.line ?? object.line,
        claim
          ? 'persistenceEnabled false'
          : 'no volumeClaimTemplate: data lives in the pod',
      ),
    );
    return;
  }
  builder.set(
    'persistence',
    'rdb',
    fileEvidence(
      path,
      claim.line,
      `RDB snapshots (Redis's default) on the claimed volume${
        config ? `; ConfigMap ${config} may change that and cannot be read` : ''
      }`,
    ),
  );
}
