import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  asNumber,
  ConfigValue,
  listAt,
  stringAt,
} from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { setTerraformRegion } from '../shared/cloudRegion';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { FoundMethod, setMethodsFacet } from '../shared/methodsFacet';
import { asCount, asText, setFacetFrom } from '../shared/sourcedValue';
import { terraformDeployment } from '../shared/terraformDeployment';
import {
  terraformFlag,
  terraformLiteral,
  terraformValue,
} from '../shared/terraformFacts';
import { REDIS_PLATFORM_ID } from './definition';

const REPLICATION_GROUP = 'aws_elasticache_replication_group';
const CLUSTER = 'aws_elasticache_cluster';
const SERVERLESS = 'aws_elasticache_serverless_cache';
const USER_GROUP = 'aws_elasticache_user_group';
const USER = 'aws_elasticache_user';

/**
 * Amazon ElastiCache for Redis OSS and Valkey from the `hashicorp/aws`
 * provider: replication groups (cluster mode on or off), single-node
 * clusters that belong to no replication group, and serverless caches.
 * Memcached is not Redis and is left out.
 */
export function detectElastiCache(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return repo.terraformModules().flatMap(module => [
    ...module
      .resourcesOfType(REPLICATION_GROUP)
      .filter(r => isRedisEngine(module, r, true))
      .map(group => describeReplicationGroup(module, group)),
    ...module
      .resourcesOfType(CLUSTER)
      .filter(
        r =>
          isRedisEngine(module, r, false) &&
          !module.attribute(r, 'replication_group_id'),
      )
      .map(cluster => describeCluster(module, cluster)),
    ...module
      .resourcesOfType(SERVERLESS)
      .filter(r => isRedisEngine(module, r, false))
      .map(cache => describeServerless(module, cache)),
  ]);
}

/** `engine` is `redis` or `valkey`; a replication group defaults to redis. */
function isRedisEngine(
  module: TerraformModule,
  resource: TerraformResource,
  defaultRedis: boolean,
): boolean {
  const engine = terraformLiteral(module, resource, 'engine');
  if (engine === undefined) return defaultRedis;
  return (
    typeof engine === 'string' &&
    ['redis', 'valkey'].includes(engine.toLowerCase())
  );
}

/** Hosting, distribution, version, size, region: what every ElastiCache form has. */
function elastiCache(
  module: TerraformModule,
  resource: TerraformResource,
  nameAttributes: string[],
  versionAttribute: string,
): DeploymentBuilder {
  const builder = terraformDeployment(
    REDIS_PLATFORM_ID,
    module,
    resource,
    'aws-elasticache',
    nameAttributes,
  );
  const { path, line } = resource;
  setFacetFrom(
    builder,
    'distribution',
    terraformValue(module, resource, 'engine'),
    v =>
      ['redis', 'valkey'].includes(String(v).toLowerCase())
        ? String(v).toLowerCase()
        : undefined,
    { value: 'redis', path, line, note: 'engine defaults to redis' },
  );
  setFacetFrom(
    builder,
    'version',
    terraformValue(module, resource, versionAttribute),
    v => {
      // `6.x` asks for the latest 6 release.
      const match = /^(\d+(?:\.\d+){0,2})(?:\.x)?$/.exec(String(v).trim());
      return match?.[1];
    },
    {
      value: UNKNOWN,
      path,
      line,
      note: `${versionAttribute} not set: ElastiCache picks its default version`,
    },
  );
  setTerraformRegion(builder, module, resource, 'aws');
  builder.set(
    'persistence',
    'none',
    fileEvidence(
      path,
      line,
      'ElastiCache keeps data in memory; replicas and snapshots are its durability',
    ),
  );
  setSnapshots(builder, module, resource);
  setLogDelivery(builder, module, resource);
  return builder;
}

function describeReplicationGroup(
  module: TerraformModule,
  group: TerraformResource,
): DetectedDeployment {
  const builder = elastiCache(
    module,
    group,
    ['replication_group_id'],
    'engine_version',
  );
  const { path, line } = group;
  setFacetFrom(
    builder,
    'instanceSize',
    terraformValue(module, group, 'node_type'),
    asText,
  );

  const count = (attribute: string) => {
    const value = terraformValue(module, group, attribute);
    return {
      value,
      number:
        value?.value.kind === 'scalar' ? asCount(value.value.value) : undefined,
    };
  };
  const nodeGroups = count('num_node_groups');
  const perGroup = count('replicas_per_node_group');
  const cacheClusters = count('num_cache_clusters');
  const mode = terraformLiteral(module, group, 'cluster_mode');
  const parameterGroup = terraformLiteral(
    module,
    group,
    'parameter_group_name',
  );
  const clusterMode =
    mode === 'enabled' ||
    (nodeGroups.number ?? 1) > 1 ||
    (typeof parameterGroup === 'string' && /cluster\.on$/.test(parameterGroup));
  if (clusterMode) {
    const evidence = fileEvidence(
      nodeGroups.value?.path ?? path,
      nodeGroups.value?.value.line ?? line,
      'cluster mode: shards of a primary and replicas',
    );
    builder.set('topology', 'cluster', evidence);
    if (nodeGroups.value && nodeGroups.number === undefined)
      builder.unknown('shards', evidence);
    else builder.set('shards', nodeGroups.number ?? 1, evidence);
    if (perGroup.value && perGroup.number === undefined)
      builder.unknown('replicas', evidence);
    else builder.set('replicas', 1 + (perGroup.number ?? 0), evidence);
  } else {
    const written = cacheClusters.value ?? perGroup.value;
    // num_cache_clusters, else a primary and replicas_per_node_group, else one node.
    let members: number | undefined = 1;
    if (cacheClusters.value) members = cacheClusters.number;
    else if (perGroup.value)
      members = perGroup.number === undefined ? undefined : 1 + perGroup.number;
    const evidence = fileEvidence(
      written?.path ?? path,
      written?.value.line ?? line,
      written ? undefined : 'num_cache_clusters not set: one node',
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
  }
  setFacetFrom(
    builder,
    'failover',
    terraformValue(module, group, 'automatic_failover_enabled'),
    asBoolean,
    {
      value: false,
      path,
      line,
      note: 'automatic_failover_enabled defaults to false',
    },
  );

  setTransitEncryption(builder, module, group);
  setAuthentication(builder, module, group);
  return builder.build();
}

/** A cluster outside any replication group: one Redis node, no AUTH token possible. */
function describeCluster(
  module: TerraformModule,
  cluster: TerraformResource,
): DetectedDeployment {
  const builder = elastiCache(
    module,
    cluster,
    ['cluster_id'],
    'engine_version',
  );
  const evidence = fileEvidence(
    cluster.path,
    cluster.line,
    'a Redis cache cluster has one node',
  );
  setFacetFrom(
    builder,
    'instanceSize',
    terraformValue(module, cluster, 'node_type'),
    asText,
  );
  builder.set('topology', 'standalone', evidence);
  builder.set('replicas', 1, evidence);
  builder.set('failover', false, evidence);
  setTransitEncryption(builder, module, cluster);
  builder.set(
    'authentication',
    'none',
    fileEvidence(
      cluster.path,
      cluster.line,
      'aws_elasticache_cluster takes no AUTH token or user group',
    ),
  );
  return builder.build();
}

/**
 * Serverless caches shard and replicate across zones by themselves and
 * always encrypt in transit; without a user group any client in the
 * network connects.
 */
function describeServerless(
  module: TerraformModule,
  cache: TerraformResource,
): DetectedDeployment {
  const builder = elastiCache(module, cache, ['name'], 'major_engine_version');
  const at = (note: string) => fileEvidence(cache.path, cache.line, note);
  builder.set(
    'instanceSize',
    'serverless',
    at('aws_elasticache_serverless_cache'),
  );
  builder.set(
    'topology',
    'cluster',
    at('serverless: sharded and replicated by ElastiCache'),
  );
  builder.unknown('shards', at('serverless: ElastiCache scales shards'));
  builder.set(
    'failover',
    true,
    at('serverless: replicated across availability zones'),
  );
  builder.set('tls', true, at('serverless caches always encrypt in transit'));
  const group = terraformValue(module, cache, 'user_group_id');
  if (group)
    setUserGroupAuthentication(builder, module, [group.value], group.path);
  else
    builder.set(
      'authentication',
      'none',
      at('no user_group_id: no authentication'),
    );
  return builder.build();
}

/**
 * TLS when `transit_encryption_enabled`; `transit_encryption_mode =
 * "preferred"` still takes plain connections (the step of a migration), so
 * it is not counted as TLS.
 */
function setTransitEncryption(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
) {
  const enabled = terraformFlag(module, resource, 'transit_encryption_enabled');
  const mode = terraformLiteral(module, resource, 'transit_encryption_mode');
  if (enabled.unresolved) {
    builder.unknown(
      'tls',
      fileEvidence(
        enabled.source!.path,
        enabled.source!.value.line,
        'transit_encryption_enabled unresolved',
      ),
    );
  } else if (enabled.value && mode === 'preferred') {
    builder.set(
      'tls',
      false,
      fileEvidence(
        enabled.source!.path,
        module.attribute(resource, 'transit_encryption_mode')?.value.line,
        'transit_encryption_mode preferred: plain connections still accepted',
      ),
    );
  } else {
    builder.set(
      'tls',
      enabled.value === true,
      fileEvidence(
        enabled.source?.path ?? resource.path,
        enabled.source?.value.line ?? resource.line,
        enabled.source
          ? undefined
          : 'transit_encryption_enabled defaults to false',
      ),
    );
  }
}

/** An AUTH token is a password; a user group gives named users (acl) or IAM users. */
function setAuthentication(
  builder: DeploymentBuilder,
  module: TerraformModule,
  group: TerraformResource,
) {
  const userGroups = terraformValue(module, group, 'user_group_ids');
  const token = terraformValue(module, group, 'auth_token');
  if (userGroups) {
    setUserGroupAuthentication(
      builder,
      module,
      listAt(userGroups.value, []).length
        ? listAt(userGroups.value, [])
        : [userGroups.value],
      userGroups.path,
    );
  } else if (token) {
    builder.set(
      'authentication',
      'password',
      fileEvidence(
        token.path,
        token.value.line,
        'AUTH token (value not stored)',
      ),
    );
  } else {
    builder.set(
      'authentication',
      'none',
      fileEvidence(
        group.path,
        group.line,
        'no auth_token or user_group_ids: no authentication',
      ),
    );
  }
}

/**
 * The users of the referenced user groups: IAM users give `iam`, password
 * users `acl`; a group not declared in the module is still named users.
 */
function setUserGroupAuthentication(
  builder: DeploymentBuilder,
  module: TerraformModule,
  references: ConfigValue[],
  path: string,
) {
  const groups = module
    .resourcesOfType(USER_GROUP)
    .filter(g =>
      references.some(ref => module.refersTo(ref, g, 'user_group_id')),
    );
  const found: FoundMethod[] = [];
  for (const userGroup of groups) {
    builder.addFile(userGroup.path);
    for (const reference of listAt(
      module.attribute(userGroup, 'user_ids')?.value,
      [],
    )) {
      const user = module
        .resourcesOfType(USER)
        .find(u => module.refersTo(reference, u, 'user_id'));
      if (!user) continue;
      if (terraformLiteral(module, user, 'user_name') === 'default') continue;
      builder.addFile(user.path);
      const type = terraformLiteral(module, user, 'authentication_mode.0.type');
      found.push({
        method: type === 'iam' ? 'iam' : 'acl',
        path: user.path,
        line: user.line,
      });
    }
  }
  if (found.length === 0) {
    builder.set(
      'authentication',
      'acl',
      fileEvidence(
        path,
        references[0]?.line,
        'user group: named users (their definitions are not in this module)',
      ),
    );
    return;
  }
  setMethodsFacet(builder, 'authentication', found, { path, note: '' });
}

/** Daily automatic snapshots kept `snapshot_retention_limit` days (0, the default, keeps none). */
function setSnapshots(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
) {
  const retention = terraformValue(
    module,
    resource,
    'snapshot_retention_limit',
  );
  const days =
    retention?.value.kind === 'scalar'
      ? asNumber(retention.value.value)
      : undefined;
  if (retention && days === undefined) {
    builder.unknown(
      'backup',
      fileEvidence(
        retention.path,
        retention.value.line,
        'snapshot_retention_limit unresolved',
      ),
    );
    return;
  }
  const evidence = fileEvidence(
    retention?.path ?? resource.path,
    retention?.value.line ?? resource.line,
    snapshotNote(days, retention !== undefined),
  );
  builder.set('backup', days ? 'snapshot' : 'none', evidence);
  builder.set('backupTool', days ? 'elasticache-snapshots' : 'none', evidence);
}

function snapshotNote(days: number | undefined, written: boolean) {
  if (days) return `daily snapshots kept ${days} days`;
  return written
    ? undefined
    : 'snapshot_retention_limit defaults to 0: no snapshots';
}

/** Slow and engine logs delivered to CloudWatch Logs or Kinesis Data Firehose. */
function setLogDelivery(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
) {
  const found: FoundMethod[] = [];
  const deliveries = terraformValue(
    module,
    resource,
    'log_delivery_configuration',
  );
  for (const delivery of listAt(deliveries?.value, [])) {
    const destination = stringAt(delivery, ['destination_type']);
    if (destination === 'cloudwatch-logs' || destination === 'kinesis-firehose')
      found.push({
        method:
          destination === 'cloudwatch-logs'
            ? 'cloudwatch-logs'
            : 'firehose-logs',
        path: deliveries!.path,
        line: delivery.line,
      });
  }
  setMethodsFacet(builder, 'monitoring', found, {
    path: resource.path,
    line: resource.line,
    note: 'default CloudWatch metrics only: no log delivery',
  });
}
