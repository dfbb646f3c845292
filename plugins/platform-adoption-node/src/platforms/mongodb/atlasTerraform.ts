import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asNumber,
  ConfigValue,
  describeValue,
  listAt,
  nestedAt,
  numberAt,
  scalarAt,
  valueAt,
} from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import {
  setEnvironment,
  terraformEnvironmentHints,
} from '../shared/environmentHints';
import {
  asCount,
  asServerVersion,
  asText,
  setFacetFrom,
  SourcedValue,
} from '../shared/sourcedValue';
import {
  terraformDisplayName,
  terraformFlag,
  terraformLiteral,
  terraformValue,
} from '../shared/terraformFacts';
import { MONGODB_PLATFORM_ID } from './definition';

const CLUSTER = 'mongodbatlas_cluster';
const ADVANCED_CLUSTER = 'mongodbatlas_advanced_cluster';
const FLEX_CLUSTER = 'mongodbatlas_flex_cluster';

/**
 * MongoDB Atlas clusters declared with the `mongodb/mongodbatlas`
 * Terraform provider (`mongodbatlas_cluster`, `mongodbatlas_advanced_cluster`
 * in block or attribute syntax, `mongodbatlas_flex_cluster`), joined with
 * the backup schedule, database users and third-party integrations of the
 * same module.
 */
export function detectAtlasClusters(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return repo
    .terraformModules()
    .flatMap(module =>
      module
        .resourcesOfType(CLUSTER, ADVANCED_CLUSTER, FLEX_CLUSTER)
        .map(cluster => describeCluster(module, cluster)),
    );
}

function describeCluster(
  module: TerraformModule,
  cluster: TerraformResource,
): DetectedDeployment {
  const builder = new DeploymentBuilder(
    MONGODB_PLATFORM_ID,
    'server',
    `${cluster.path}#${cluster.address}`,
    terraformDisplayName(module, cluster),
    cluster.path,
  );
  const at = fileEvidence(cluster.path, cluster.line);
  builder.set('hosting', 'atlas', at);
  builder.set('provisioning', 'terraform', at);
  builder.set(
    'tls',
    true,
    fileEvidence(cluster.path, cluster.line, 'Atlas enforces TLS'),
  );

  const shapes: Record<string, typeof clusterShape> = {
    [CLUSTER]: clusterShape,
    [ADVANCED_CLUSTER]: advancedClusterShape,
    [FLEX_CLUSTER]: flexClusterShape,
  };
  const shape = shapes[cluster.type](module, cluster);

  setVersion(builder, module, cluster);
  setShape(builder, cluster, shape);
  setBackup(builder, module, cluster, shape.sharedTier);
  setAuthentication(builder, module, cluster);
  setMonitoring(builder, module, cluster);
  setEnvironment(
    builder,
    [
      ...terraformEnvironmentHints(module, cluster, ['tags', 'labels']),
      {
        text: terraformLiteral(module, cluster, 'name')?.toString(),
        path: cluster.path,
        line: cluster.line,
        what: 'cluster name',
      },
    ],
    cluster.path,
  );
  return builder.build();
}

function setVersion(
  builder: DeploymentBuilder,
  module: TerraformModule,
  cluster: TerraformResource,
) {
  if (cluster.type === FLEX_CLUSTER) {
    builder.unknown(
      'version',
      fileEvidence(
        cluster.path,
        cluster.line,
        'Flex clusters run the version Atlas chooses',
      ),
    );
    return;
  }
  setFacetFrom(
    builder,
    'version',
    terraformValue(module, cluster, 'mongo_db_major_version'),
    asServerVersion,
    {
      value: UNKNOWN,
      path: cluster.path,
      line: cluster.line,
      note: 'mongo_db_major_version not set: Atlas picks its current default at creation',
    },
  );
}

/** What the cluster resources describe in different attributes, read into one shape. */
interface ClusterShape {
  providers: Array<{
    value: SourcedValue | undefined;
    backing: SourcedValue | undefined;
  }>;
  instanceSize?: SourcedValue;
  region?: SourcedValue;
  clusterType?: SourcedValue;
  /** Data-bearing members per shard, when the nodes are counted explicitly. */
  members?: { count: number; line: number; note: string };
  shards?: { count: number; line: number };
  sharedTier: boolean;
  path: string;
}

function clusterShape(
  module: TerraformModule,
  cluster: TerraformResource,
): ClusterShape {
  const provider = terraformValue(module, cluster, 'provider_name');
  const specs = listAt(cluster.body, ['replication_specs']);
  const regions = specs.flatMap(spec => listAt(spec, ['regions_config']));
  const sharedTier = isTenant(provider?.value);
  let members: ClusterShape['members'];
  if (regions.length > 0) {
    const counted = sumNodes(regions, [
      'electable_nodes',
      'read_only_nodes',
      'analytics_nodes',
    ]);
    if (counted !== undefined) {
      members = {
        count: counted,
        line: regions[0].line,
        note: 'electable, read-only and analytics nodes of regions_config',
      };
    }
  }
  const replicationFactor = terraformValue(
    module,
    cluster,
    'replication_factor',
  );
  if (!members && replicationFactor?.value.kind === 'scalar') {
    const count = asCount(replicationFactor.value.value);
    if (count !== undefined)
      members = {
        count,
        line: replicationFactor.value.line,
        note: 'replication_factor',
      };
  }
  if (!members) {
    members = {
      count: 3,
      line: cluster.line,
      note: sharedTier
        ? 'shared-tier clusters are 3-member replica sets'
        : 'replication_factor defaults to 3',
    };
  }
  const topShards = numberAt(cluster.body, ['num_shards']);
  const specShards = specs.map(spec => numberAt(spec, ['num_shards']) ?? 1);
  return {
    providers: [
      {
        value: provider,
        backing: terraformValue(module, cluster, 'backing_provider_name'),
      },
    ],
    instanceSize: terraformValue(
      module,
      cluster,
      'provider_instance_size_name',
    ),
    region:
      terraformValue(module, cluster, 'provider_region_name') ??
      resolved(
        module,
        cluster,
        regions[0] ? valueAt(regions[0], ['region_name']) : undefined,
      ),
    clusterType: terraformValue(module, cluster, 'cluster_type'),
    members,
    shards: {
      count:
        topShards ??
        (specShards.length > 0 ? specShards.reduce((a, b) => a + b, 0) : 1),
      line: scalarAt(cluster.body, ['num_shards'])?.line ?? cluster.line,
    },
    sharedTier,
    path: cluster.path,
  };
}

function advancedClusterShape(
  module: TerraformModule,
  cluster: TerraformResource,
): ClusterShape {
  const specs = listAt(cluster.body, ['replication_specs']);
  const regionConfigs = listAt(specs[0], ['region_configs']);
  // The highest-priority region holds the primary.
  const primary = [...regionConfigs].sort(
    (a, b) =>
      (numberAt(b, ['priority']) ?? 0) - (numberAt(a, ['priority']) ?? 0),
  )[0];
  const sharedTier = regionConfigs.some(config =>
    isTenant(
      resolved(module, cluster, valueAt(config, ['provider_name']))?.value,
    ),
  );
  const counted = sumNodes(regionConfigs, [
    'electable_specs.node_count',
    'read_only_specs.node_count',
    'analytics_specs.node_count',
  ]);
  const members =
    counted !== undefined && counted > 0
      ? {
          count: counted,
          line: regionConfigs[0].line,
          note: 'node_count of electable, read-only and analytics specs',
        }
      : {
          count: 3,
          line: cluster.line,
          note: sharedTier
            ? 'shared-tier clusters are 3-member replica sets'
            : 'three electable nodes by default',
        };
  // Provider 1.x counts shards with num_shards; 2.x writes one spec per shard.
  const shardCount = specs.reduce(
    (total, spec) => total + (numberAt(spec, ['num_shards']) ?? 1),
    0,
  );
  return {
    providers: regionConfigs.map(config => ({
      value: resolved(module, cluster, valueAt(config, ['provider_name'])),
      backing: resolved(
        module,
        cluster,
        valueAt(config, ['backing_provider_name']),
      ),
    })),
    instanceSize: primary
      ? resolved(
          module,
          cluster,
          nestedAt(primary, 'electable_specs.instance_size'),
        )
      : undefined,
    region: primary
      ? resolved(module, cluster, valueAt(primary, ['region_name']))
      : undefined,
    clusterType: terraformValue(module, cluster, 'cluster_type'),
    members,
    shards: {
      count: Math.max(shardCount, 1),
      line: specs[0]?.line ?? cluster.line,
    },
    sharedTier,
    path: cluster.path,
  };
}

function flexClusterShape(
  module: TerraformModule,
  cluster: TerraformResource,
): ClusterShape {
  return {
    providers: [
      {
        value: literal('FLEX', cluster),
        backing: terraformValue(
          module,
          cluster,
          'provider_settings.0.backing_provider_name',
        ),
      },
    ],
    instanceSize: literal('FLEX', cluster),
    region: terraformValue(module, cluster, 'provider_settings.0.region_name'),
    clusterType: literal('REPLICASET', cluster),
    members: {
      count: 3,
      line: cluster.line,
      note: 'Flex clusters are 3-member replica sets',
    },
    sharedTier: true,
    path: cluster.path,
  };
}

function resolved(
  module: TerraformModule,
  cluster: TerraformResource,
  value: ConfigValue | undefined,
): SourcedValue | undefined {
  return value ? module.resolve({ value, path: cluster.path }) : undefined;
}

/** A value the resource type implies, placed at the resource's line. */
function literal(value: string, cluster: TerraformResource): SourcedValue {
  return {
    value: { kind: 'scalar', value, line: cluster.line },
    path: cluster.path,
  };
}

function isTenant(provider: ConfigValue | undefined): boolean {
  return (
    provider?.kind === 'scalar' &&
    ['TENANT', 'FLEX'].includes(String(provider.value).toUpperCase())
  );
}

function sumNodes(configs: ConfigValue[], paths: string[]): number | undefined {
  let total: number | undefined;
  for (const config of configs) {
    for (const path of paths) {
      const node = nestedAt(config, path);
      const count = node?.kind === 'scalar' ? asNumber(node.value) : undefined;
      if (count !== undefined) total = (total ?? 0) + count;
    }
  }
  return total;
}

function setShape(
  builder: DeploymentBuilder,
  cluster: TerraformResource,
  shape: ClusterShape,
) {
  const path = shape.path;
  // Provider: the cloud under the cluster; shared tiers name it in backing_provider_name.
  const providers = new Set<string>();
  let providerSource: SourcedValue | undefined;
  let providerUnresolved = false;
  for (const { value, backing } of shape.providers) {
    const underlying = isTenant(value?.value) ? backing : value;
    if (
      underlying?.value.kind === 'scalar' &&
      underlying.value.value !== null
    ) {
      providers.add(String(underlying.value.value).toLowerCase());
      providerSource = underlying;
    } else {
      providerUnresolved = true;
      providerSource ??= underlying;
    }
  }
  if (providers.size > 0 && !providerUnresolved) {
    builder.set(
      'provider',
      [...providers].sort().join('+'),
      fileEvidence(
        providerSource?.path ?? path,
        providerSource?.value.line,
        shape.sharedTier
          ? 'shared tier: backing_provider_name'
          : providerSource?.via && `from ${providerSource.via}`,
      ),
    );
  } else {
    const written = providerSource?.value;
    builder.unknown(
      'provider',
      fileEvidence(
        providerSource?.path ?? path,
        written?.line ?? cluster.line,
        written
          ? `unresolved: ${describeValue(written)}`
          : 'provider not written',
      ),
    );
  }

  setFacetFrom(builder, 'instanceSize', shape.instanceSize, asText, {
    value: UNKNOWN,
    path,
    line: cluster.line,
    note: 'instance size not written',
  });
  setFacetFrom(
    builder,
    'region',
    shape.region,
    value =>
      value === null
        ? undefined
        : String(value).toLowerCase().replace(/_/g, '-'),
    {
      value: UNKNOWN,
      path,
      line: cluster.line,
      note: 'region not written',
    },
  );

  const type = shape.clusterType;
  let topology: string | undefined;
  if (!type) topology = 'replicaset';
  else if (type.value.kind === 'scalar') {
    topology = (
      {
        REPLICASET: 'replicaset',
        SHARDED: 'sharded',
        GEOSHARDED: 'sharded',
      } as Record<string, string>
    )[String(type.value.value).toUpperCase()];
  }
  if (topology) {
    builder.set(
      'topology',
      topology,
      fileEvidence(
        type?.path ?? path,
        type?.value.line ?? cluster.line,
        type ? undefined : 'cluster_type defaults to REPLICASET',
      ),
    );
  } else {
    builder.unknown(
      'topology',
      fileEvidence(
        type?.path ?? path,
        type?.value.line,
        `unresolved: ${type ? describeValue(type.value) : ''}`,
      ),
    );
  }
  if (shape.members) {
    builder.set(
      'replicas',
      shape.members.count,
      fileEvidence(
        path,
        shape.members.line,
        topology === 'sharded'
          ? `${shape.members.note}, per shard`
          : shape.members.note,
      ),
    );
  }
  if (topology === 'sharded' && shape.shards) {
    builder.set(
      'shards',
      shape.shards.count,
      fileEvidence(path, shape.shards.line),
    );
  }
}

function setBackup(
  builder: DeploymentBuilder,
  module: TerraformModule,
  cluster: TerraformResource,
  sharedTier: boolean,
) {
  const pit = terraformFlag(module, cluster, 'pit_enabled');
  // On mongodbatlas_cluster `backup_enabled` is the deprecated legacy backup,
  // which restores to a point in time within 24 hours; on the advanced
  // cluster it switches Cloud Backup on.
  const legacy =
    cluster.type === CLUSTER
      ? terraformFlag(module, cluster, 'backup_enabled')
      : { unresolved: false };
  const cloud = [
    terraformFlag(module, cluster, 'cloud_backup'),
    terraformFlag(module, cluster, 'provider_backup_enabled'),
    ...(cluster.type === ADVANCED_CLUSTER
      ? [terraformFlag(module, cluster, 'backup_enabled')]
      : []),
  ];
  const schedule = module
    .resourcesOfType('mongodbatlas_cloud_backup_schedule')
    .find(candidate =>
      module.refersTo(candidate.body.entries.get('cluster_name'), cluster),
    );
  if (schedule) builder.addFile(schedule.path);

  const lineOf = (flag: { source?: { value: ConfigValue; path: string } }) =>
    flag.source?.value.line;
  const pathOf = (flag: { source?: { path: string } }) =>
    flag.source?.path ?? cluster.path;
  const enabledCloud = cloud.find(flag => flag.value === true);

  if (pit.value === true) {
    builder.set(
      'backup',
      'continuous',
      fileEvidence(
        pathOf(pit),
        lineOf(pit),
        'continuous cloud backup (pit_enabled)',
      ),
    );
    builder.set(
      'backupTool',
      'atlas-cloud-backup',
      fileEvidence(pathOf(pit), lineOf(pit)),
    );
  } else if (legacy.value === true) {
    builder.set(
      'backup',
      'continuous',
      fileEvidence(
        pathOf(legacy),
        lineOf(legacy),
        'legacy backup (deprecated) restores to a point in time within 24 hours',
      ),
    );
    builder.set(
      'backupTool',
      'atlas-legacy-backup',
      fileEvidence(pathOf(legacy), lineOf(legacy)),
    );
  } else if (enabledCloud || schedule) {
    const evidence = enabledCloud
      ? fileEvidence(
          pathOf(enabledCloud),
          lineOf(enabledCloud),
          'cloud backup snapshots without point-in-time restore',
        )
      : fileEvidence(
          schedule!.path,
          schedule!.line,
          `snapshot schedule ${schedule!.address}`,
        );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'atlas-cloud-backup', evidence);
  } else if (cluster.type === FLEX_CLUSTER) {
    const evidence = fileEvidence(
      cluster.path,
      cluster.line,
      'Flex clusters take daily snapshots',
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'atlas-flex-snapshot', evidence);
  } else if (
    pit.unresolved ||
    legacy.unresolved ||
    cloud.some(flag => flag.unresolved)
  ) {
    const flag = [pit, legacy, ...cloud].find(f => f.unresolved)!;
    builder.unknown(
      'backup',
      fileEvidence(pathOf(flag), lineOf(flag), 'backup flag unresolved'),
    );
  } else {
    const note = sharedTier
      ? 'no cloud backup configured (shared-tier M0 clusters cannot have backups)'
      : 'no cloud backup configured';
    builder.set(
      'backup',
      'none',
      fileEvidence(cluster.path, cluster.line, note),
    );
    builder.set(
      'backupTool',
      'none',
      fileEvidence(cluster.path, cluster.line, note),
    );
  }
}

/** Database users of the cluster's project that may log in to it. */
function usersOf(
  module: TerraformModule,
  cluster: TerraformResource,
): TerraformResource[] {
  const projectId = cluster.body.entries.get('project_id');
  return module.resourcesOfType('mongodbatlas_database_user').filter(user => {
    if (
      !module.sameValue(
        user.body.entries.get('project_id'),
        projectId,
        user.path,
      )
    )
      return false;
    const scopes = listAt(user.body, ['scopes']).filter(scope => {
      const type = scalarAt(scope, ['type']);
      return !type || String(type.value).toUpperCase() === 'CLUSTER';
    });
    // Users without cluster scopes may use every cluster of the project.
    return (
      scopes.length === 0 ||
      scopes.some(scope => module.refersTo(valueAt(scope, ['name']), cluster))
    );
  });
}

function setAuthentication(
  builder: DeploymentBuilder,
  module: TerraformModule,
  cluster: TerraformResource,
) {
  const users = usersOf(module, cluster);
  if (users.length === 0) {
    builder.set(
      'authentication',
      'scram',
      fileEvidence(
        cluster.path,
        cluster.line,
        'no mongodbatlas_database_user for this cluster in the module; Atlas always requires authentication (SCRAM unless another method is configured)',
      ),
    );
    return;
  }
  const methods = new Set<string>();
  const kinds: Array<[string, string]> = [
    ['x509_type', 'x509'],
    ['aws_iam_type', 'iam'],
    ['ldap_auth_type', 'ldap'],
    ['oidc_auth_type', 'oidc'],
  ];
  for (const user of users) {
    let method = 'scram';
    for (const [attribute, name] of kinds) {
      const value = terraformLiteral(module, user, attribute);
      if (typeof value === 'string' && value.toUpperCase() !== 'NONE')
        method = name;
    }
    methods.add(method);
    builder.addFile(user.path);
  }
  const first = users[0];
  builder.set(
    'authentication',
    [...methods].sort().join('+'),
    fileEvidence(
      first.path,
      first.line,
      `from ${users
        .map(u => u.address)
        .join(', ')}; Atlas always requires authentication`,
    ),
  );
}

function setMonitoring(
  builder: DeploymentBuilder,
  module: TerraformModule,
  cluster: TerraformResource,
) {
  const projectId = cluster.body.entries.get('project_id');
  const integrations = module
    .resourcesOfType('mongodbatlas_third_party_integration')
    .filter(integration =>
      module.sameValue(
        integration.body.entries.get('project_id'),
        projectId,
        integration.path,
      ),
    );
  const types = integrations
    .map(integration => terraformLiteral(module, integration, 'type'))
    .filter((type): type is string => typeof type === 'string')
    .map(type => `atlas-integration-${type.toLowerCase().replace(/_/g, '-')}`);
  if (types.length > 0) {
    const first = integrations[0];
    integrations.forEach(integration => builder.addFile(integration.path));
    builder.set(
      'monitoring',
      [...new Set(types)].sort().join('+'),
      fileEvidence(
        first.path,
        first.line,
        `project integration ${first.address}`,
      ),
    );
    return;
  }
  builder.set(
    'monitoring',
    'none',
    fileEvidence(
      cluster.path,
      cluster.line,
      'no third-party integration for the project (Atlas built-in monitoring only)',
    ),
  );
}
