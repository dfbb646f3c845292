import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { asBoolean, asNumber, listAt } from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import {
  asServerVersion,
  setFacetFrom,
  SourcedValue,
} from '../shared/sourcedValue';
import {
  providerRegion,
  terraformFlag,
  terraformLiteral,
  terraformValue,
} from '../shared/terraformFacts';
import {
  parameterOfGroup,
  postgresMajor,
  replicates,
  ReplicaSource,
  setInstanceClass,
  setMonitoringMethods,
  terraformPostgres,
} from './terraformCommon';

const INSTANCE = 'aws_db_instance';
const CLUSTER = 'aws_rds_cluster';
const CLUSTER_INSTANCE = 'aws_rds_cluster_instance';
/** A read replica names its source by reference or by `identifier`. */
const SOURCE: ReplicaSource = {
  attribute: 'replicate_source_db',
  nameAttribute: 'identifier',
};

/**
 * PostgreSQL on Amazon RDS and Aurora, from the `hashicorp/aws` provider:
 * `aws_db_instance` with engine `postgres` (its read replicas folded in),
 * and `aws_rds_cluster` with engine `aurora-postgresql` (Aurora, members
 * from `aws_rds_cluster_instance`) or `postgres` (a Multi-AZ DB cluster).
 */
export function detectRdsPostgres(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  for (const module of repo.terraformModules()) {
    for (const instance of module.resourcesOfType(INSTANCE)) {
      if (engineOf(module, instance) !== 'postgres') continue;
      // A read replica belongs to its source's deployment when the source is here.
      if (
        module
          .resourcesOfType(INSTANCE)
          .some(other => replicates(module, instance, other, SOURCE))
      )
        continue;
      deployments.push(describeInstance(module, instance));
    }
    for (const cluster of module.resourcesOfType(CLUSTER)) {
      const engine = engineOf(module, cluster);
      if (engine === 'aurora-postgresql' || engine === 'postgres')
        deployments.push(describeCluster(module, cluster, engine));
    }
  }
  return deployments;
}

function engineOf(
  module: TerraformModule,
  resource: TerraformResource,
): string | undefined {
  const engine = terraformLiteral(module, resource, 'engine');
  return typeof engine === 'string' ? engine.toLowerCase() : undefined;
}

function describeInstance(
  module: TerraformModule,
  instance: TerraformResource,
): DetectedDeployment {
  const builder = terraformPostgres(module, instance, 'aws-rds', [
    'identifier',
    'db_name',
  ]);
  setVersion(builder, module, instance);
  setInstanceClass(
    builder,
    terraformValue(module, instance, 'instance_class'),
    instance,
  );
  setStorageEncrypted(builder, module, instance);
  setRegion(builder, module, instance);

  const replicas = module
    .resourcesOfType(INSTANCE)
    .filter(other => replicates(module, other, instance, SOURCE));
  replicas.forEach(replica => builder.addFile(replica.path));
  const multiAz = terraformFlag(module, instance, 'multi_az');
  if (multiAz.unresolved) {
    builder.unknown(
      'topology',
      fileEvidence(
        multiAz.source!.path,
        multiAz.source!.value.line,
        'multi_az unresolved',
      ),
    );
    builder.unknown(
      'replicas',
      fileEvidence(
        multiAz.source!.path,
        multiAz.source!.value.line,
        'multi_az unresolved',
      ),
    );
  } else {
    const members = (multiAz.value ? 2 : 1) + replicas.length;
    const parts = [
      multiAz.value ? 'Multi-AZ primary and standby' : 'single-AZ instance',
      ...(replicas.length ? [`${replicas.length} read replica(s)`] : []),
    ];
    const evidence = fileEvidence(
      multiAz.source?.path ?? instance.path,
      multiAz.source?.value.line ?? instance.line,
      parts.join(' + '),
    );
    builder.set('replicas', members, evidence);
    builder.set(
      'topology',
      members > 1 ? 'replicated' : 'standalone',
      evidence,
    );
  }

  setBackupRetention(builder, module, instance, false);
  setMonitoringMethods(
    builder,
    monitoringOf(module, [instance]),
    instance,
    'no Performance Insights, Enhanced Monitoring or log exports configured',
  );
  setIamAuthentication(builder, module, instance);

  const forceSsl = parameterOfGroup(
    module,
    ['aws_db_parameter_group'],
    terraformValue(module, instance, 'parameter_group_name'),
    'rds.force_ssl',
  );
  setForceSsl(builder, forceSsl, instance, true);
  return builder.build();
}

function describeCluster(
  module: TerraformModule,
  cluster: TerraformResource,
  engine: string,
): DetectedDeployment {
  const aurora = engine === 'aurora-postgresql';
  const builder = terraformPostgres(
    module,
    cluster,
    aurora ? 'aws-aurora' : 'aws-rds',
    ['cluster_identifier', 'database_name'],
  );
  setVersion(builder, module, cluster);
  setStorageEncrypted(builder, module, cluster);
  setRegion(builder, module, cluster);

  const members = module.resourcesOfType(CLUSTER_INSTANCE).filter(member => {
    const reference = module.attribute(member, 'cluster_identifier');
    return (
      reference !== undefined &&
      module.refersTo(reference.value, cluster, 'cluster_identifier')
    );
  });
  members.forEach(member => builder.addFile(member.path));

  if (!aurora) {
    // A Multi-AZ DB cluster is always one writer and two readable standbys.
    const evidence = fileEvidence(
      cluster.path,
      cluster.line,
      'Multi-AZ DB cluster: one writer and two readable standbys',
    );
    builder.set('replicas', 3, evidence);
    builder.set('topology', 'replicated', evidence);
    setInstanceClass(
      builder,
      terraformValue(module, cluster, 'db_cluster_instance_class'),
      cluster,
    );
  } else {
    let count = 0;
    let countable = members.length > 0;
    for (const member of members) {
      const written = module.attribute(member, 'count');
      if (member.body.entries.has('for_each')) countable = false;
      // No `count` means one instance; a count that is not a literal cannot be counted.
      let value: number | undefined = 1;
      if (written)
        value =
          written.value.kind === 'scalar'
            ? asNumber(written.value.value)
            : undefined;
      if (value === undefined) countable = false;
      else count += value;
    }
    if (countable) {
      const evidence = fileEvidence(
        members[0].path,
        members[0].line,
        `${count} aws_rds_cluster_instance`,
      );
      builder.set('replicas', count, evidence);
      builder.set(
        'topology',
        count > 1 ? 'replicated' : 'standalone',
        evidence,
      );
    } else {
      const evidence = fileEvidence(
        members[0]?.path ?? cluster.path,
        members[0]?.line ?? cluster.line,
        members.length
          ? 'instance count unresolved'
          : 'no aws_rds_cluster_instance for the cluster in this module',
      );
      builder.unknown('replicas', evidence);
      builder.unknown('topology', evidence);
    }
    const memberClass = members
      .map(m => terraformValue(module, m, 'instance_class'))
      .find(Boolean);
    setInstanceClass(builder, memberClass, members[0] ?? cluster);
  }

  setBackupRetention(builder, module, cluster, true);
  setMonitoringMethods(
    builder,
    monitoringOf(module, [cluster, ...members]),
    cluster,
    'no Performance Insights, Enhanced Monitoring or log exports configured',
  );
  setIamAuthentication(builder, module, cluster);
  const forceSsl = parameterOfGroup(
    module,
    ['aws_rds_cluster_parameter_group'],
    terraformValue(module, cluster, 'db_cluster_parameter_group_name'),
    'rds.force_ssl',
  );
  setForceSsl(builder, forceSsl, cluster, !aurora);
  return builder.build();
}

function setVersion(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
) {
  setFacetFrom(
    builder,
    'version',
    terraformValue(module, resource, 'engine_version'),
    asServerVersion,
    {
      value: UNKNOWN,
      path: resource.path,
      line: resource.line,
      note: 'engine_version not set: RDS picks its default version at creation',
    },
  );
}

function setStorageEncrypted(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
) {
  setFacetFrom(
    builder,
    'storageEncrypted',
    terraformValue(module, resource, 'storage_encrypted'),
    v => asBoolean(v),
    {
      value: false,
      path: resource.path,
      line: resource.line,
      note: 'storage_encrypted defaults to false',
    },
  );
}

function setRegion(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
) {
  const zone = terraformLiteral(module, resource, 'availability_zone');
  if (typeof zone === 'string' && /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/.test(zone)) {
    builder.set(
      'region',
      zone.slice(0, -1),
      fileEvidence(
        resource.path,
        module.attribute(resource, 'availability_zone')?.value.line,
        `availability zone ${zone}`,
      ),
    );
    return;
  }
  setFacetFrom(
    builder,
    'region',
    providerRegion(module, 'aws'),
    v => (v === null ? undefined : String(v)),
    {
      value: UNKNOWN,
      path: resource.path,
      line: resource.line,
      note: 'no region on the aws provider of this module',
    },
  );
}

/**
 * Automated backups keep transaction logs and restore to any point in the
 * retention window, so retention > 0 is continuous. Not set: the provider
 * documents `backup_retention_period` for `aws_db_instance` as "between 0
 * and 35" with no default of its own and leaves it to the RDS API, whose
 * default is 1 day; for `aws_rds_cluster` it documents "Default 1".
 */
function setBackupRetention(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
  cluster: boolean,
) {
  const retention = terraformValue(module, resource, 'backup_retention_period');
  const days =
    retention?.value.kind === 'scalar'
      ? asNumber(retention.value.value)
      : undefined;
  if (!retention) {
    const evidence = fileEvidence(
      resource.path,
      resource.line,
      cluster
        ? 'backup_retention_period not set: defaults to 1 day'
        : 'backup_retention_period not set: the RDS API default is 1 day',
    );
    builder.set('backup', 'continuous', evidence);
    builder.set('backupTool', 'rds-automated', evidence);
  } else if (days === undefined) {
    builder.unknown(
      'backup',
      fileEvidence(
        retention.path,
        retention.value.line,
        'backup_retention_period unresolved',
      ),
    );
  } else if (days > 0) {
    const evidence = fileEvidence(
      retention.path,
      retention.value.line,
      `automated backups kept ${days} days, restorable to a point in time`,
    );
    builder.set('backup', 'continuous', evidence);
    builder.set('backupTool', 'rds-automated', evidence);
  } else {
    const evidence = fileEvidence(
      retention.path,
      retention.value.line,
      'backup_retention_period 0 disables automated backups',
    );
    builder.set('backup', 'none', evidence);
    builder.set('backupTool', 'none', evidence);
  }
}

function monitoringOf(module: TerraformModule, resources: TerraformResource[]) {
  const found: Array<{ method: string; path: string; line?: number }> = [];
  for (const resource of resources) {
    const insights = terraformFlag(
      module,
      resource,
      'performance_insights_enabled',
    );
    if (insights.value)
      found.push({
        method: 'performance-insights',
        path: insights.source!.path,
        line: insights.source!.value.line,
      });
    const interval = terraformValue(module, resource, 'monitoring_interval');
    const seconds =
      interval?.value.kind === 'scalar'
        ? asNumber(interval.value.value)
        : undefined;
    if (seconds !== undefined && seconds > 0)
      found.push({
        method: 'enhanced-monitoring',
        path: interval!.path,
        line: interval!.value.line,
      });
    const exports = terraformValue(
      module,
      resource,
      'enabled_cloudwatch_logs_exports',
    );
    if (exports && listAt(exports.value, []).length > 0)
      found.push({
        method: 'cloudwatch-logs',
        path: exports.path,
        line: exports.value.line,
      });
  }
  return found;
}

function setIamAuthentication(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
) {
  const iam = terraformFlag(
    module,
    resource,
    'iam_database_authentication_enabled',
  );
  if (iam.value) {
    builder.set(
      'authentication',
      'iam',
      fileEvidence(
        iam.source!.path,
        iam.source!.value.line,
        'IAM database authentication',
      ),
    );
  } else if (iam.unresolved) {
    builder.unknown(
      'authentication',
      fileEvidence(
        iam.source!.path,
        iam.source!.value.line,
        'iam_database_authentication_enabled unresolved',
      ),
    );
  } else {
    const managed = terraformFlag(
      module,
      resource,
      'manage_master_user_password',
    );
    builder.set(
      'authentication',
      'password',
      fileEvidence(
        resource.path,
        iam.source?.value.line ?? resource.line,
        managed.value
          ? 'password authentication; master password managed in Secrets Manager'
          : 'password authentication',
      ),
    );
  }
}

/**
 * TLS is required when `rds.force_ssl` is 1. When no parameter group sets
 * it, RDS for PostgreSQL defaults it to 1 from version 15 (0 before);
 * Aurora's default is not stated by the files, so it stays unknown.
 */
function setForceSsl(
  builder: DeploymentBuilder,
  forceSsl: SourcedValue | undefined,
  resource: TerraformResource,
  versionDefault: boolean,
) {
  if (forceSsl) {
    setFacetFrom(builder, 'tls', forceSsl, v => asBoolean(v));
    return;
  }
  const version = builder.get('version');
  const major =
    typeof version === 'string' && version !== UNKNOWN
      ? postgresMajor(version)
      : undefined;
  if (versionDefault && major !== undefined) {
    builder.set(
      'tls',
      major >= 15,
      fileEvidence(
        resource.path,
        resource.line,
        `rds.force_ssl not set: it defaults to ${
          major >= 15 ? 1 : 0
        } for PostgreSQL ${version}`,
      ),
    );
  } else {
    builder.unknown(
      'tls',
      fileEvidence(
        resource.path,
        resource.line,
        'rds.force_ssl not set in a parameter group of this module',
      ),
    );
  }
}
