import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { listAt, stringAt } from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { setFacetFrom } from '../shared/sourcedValue';
import {
  providerRegion,
  terraformFlag,
  terraformLiteral,
  terraformValue,
} from '../shared/terraformFacts';
import {
  replicates,
  ReplicaSource,
  setInstanceClass,
  setMonitoringMethods,
  terraformPostgres,
} from './terraformCommon';

const INSTANCE = 'google_sql_database_instance';
/** A read replica names its primary by name. */
const PRIMARY: ReplicaSource = { attribute: 'master_instance_name' };

/**
 * PostgreSQL on Google Cloud SQL (`google_sql_database_instance` with a
 * `POSTGRES_*` database_version); read replicas (`master_instance_name`)
 * are folded into their primary.
 */
export function detectCloudSqlPostgres(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  for (const module of repo.terraformModules()) {
    const instances = module
      .resourcesOfType(INSTANCE)
      .filter(i => isPostgres(module, i));
    for (const instance of instances) {
      if (instances.some(other => replicates(module, instance, other, PRIMARY)))
        continue;
      deployments.push(describe(module, instance, instances));
    }
  }
  return deployments;
}

function isPostgres(
  module: TerraformModule,
  instance: TerraformResource,
): boolean {
  const version = terraformLiteral(module, instance, 'database_version');
  return (
    typeof version === 'string' && version.toUpperCase().startsWith('POSTGRES')
  );
}

function describe(
  module: TerraformModule,
  instance: TerraformResource,
  all: TerraformResource[],
): DetectedDeployment {
  const builder = terraformPostgres(module, instance, 'gcp-cloudsql', ['name']);
  const at = (path: string) => terraformValue(module, instance, path);

  // POSTGRES_15 → 15, POSTGRES_9_6 → 9.6
  setFacetFrom(builder, 'version', at('database_version'), v => {
    const match = /^POSTGRES_(\d+)(?:_(\d+))?$/i.exec(String(v));
    if (!match) return undefined;
    return match[2] ? `${match[1]}.${match[2]}` : match[1];
  });
  setInstanceClass(builder, at('settings.0.tier'), instance);
  setFacetFrom(
    builder,
    'region',
    at('region') ?? providerRegion(module, 'google'),
    v => (v === null ? undefined : String(v)),
    {
      value: UNKNOWN,
      path: instance.path,
      line: instance.line,
      note: 'no region on the instance or the google provider',
    },
  );
  builder.set(
    'storageEncrypted',
    true,
    fileEvidence(
      instance.path,
      instance.line,
      at('encryption_key_name')
        ? 'customer-managed key'
        : 'Cloud SQL encrypts data at rest',
    ),
  );

  const replicas = all.filter(other =>
    replicates(module, other, instance, PRIMARY),
  );
  replicas.forEach(replica => builder.addFile(replica.path));
  const availability = at('settings.0.availability_type');
  const regional =
    availability?.value.kind === 'scalar' &&
    String(availability.value.value).toUpperCase() === 'REGIONAL';
  if (availability && availability.value.kind !== 'scalar') {
    builder.unknown(
      'topology',
      fileEvidence(
        availability.path,
        availability.value.line,
        'availability_type unresolved',
      ),
    );
  } else {
    const members = (regional ? 2 : 1) + replicas.length;
    const evidence = fileEvidence(
      availability?.path ?? instance.path,
      availability?.value.line ?? instance.line,
      [
        regional
          ? 'REGIONAL: primary and standby'
          : 'ZONAL (the default): one instance',
        ...(replicas.length ? [`${replicas.length} read replica(s)`] : []),
      ].join(' + '),
    );
    builder.set('replicas', members, evidence);
    builder.set(
      'topology',
      members > 1 ? 'replicated' : 'standalone',
      evidence,
    );
  }

  setBackup(builder, module, instance);
  const insights = terraformFlag(
    module,
    instance,
    'settings.0.insights_config.0.query_insights_enabled',
  );
  setMonitoringMethods(
    builder,
    insights.value
      ? [
          {
            method: 'query-insights',
            path: insights.source!.path,
            line: insights.source!.value.line,
          },
        ]
      : [],
    instance,
    'no Query Insights configured (Cloud Monitoring built-in metrics only)',
  );

  const iamFlag = listAt(
    module.attribute(instance, 'settings.0.database_flags')?.value,
    [],
  ).find(
    flag =>
      stringAt(flag, ['name']) === 'cloudsql.iam_authentication' &&
      ['on', 'true'].includes(String(stringAt(flag, ['value'])).toLowerCase()),
  );
  builder.set(
    'authentication',
    iamFlag ? 'iam' : 'password',
    fileEvidence(
      instance.path,
      iamFlag?.line ?? instance.line,
      iamFlag
        ? 'cloudsql.iam_authentication on'
        : 'built-in database users with passwords',
    ),
  );

  setTls(builder, module, instance);
  return builder.build();
}

function setBackup(
  builder: DeploymentBuilder,
  module: TerraformModule,
  instance: TerraformResource,
) {
  const enabled = terraformFlag(
    module,
    instance,
    'settings.0.backup_configuration.0.enabled',
  );
  const pitr = terraformFlag(
    module,
    instance,
    'settings.0.backup_configuration.0.point_in_time_recovery_enabled',
  );
  if (enabled.value && pitr.value) {
    const evidence = fileEvidence(
      pitr.source!.path,
      pitr.source!.value.line,
      'automated backups with point-in-time recovery',
    );
    builder.set('backup', 'continuous', evidence);
    builder.set('backupTool', 'cloudsql-automated', evidence);
  } else if (enabled.value) {
    const evidence = fileEvidence(
      enabled.source!.path,
      enabled.source!.value.line,
      'daily automated backups without point-in-time recovery',
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'cloudsql-automated', evidence);
  } else if (enabled.unresolved || pitr.unresolved) {
    builder.unknown(
      'backup',
      fileEvidence(
        instance.path,
        (enabled.source ?? pitr.source)?.value.line,
        'backup flags unresolved',
      ),
    );
  } else {
    const evidence = fileEvidence(
      enabled.source?.path ?? instance.path,
      enabled.source?.value.line ?? instance.line,
      'backup_configuration not enabled',
    );
    builder.set('backup', 'none', evidence);
    builder.set('backupTool', 'none', evidence);
  }
}

/** `ssl_mode` (provider 5.x+) or the older `require_ssl`; the default allows unencrypted connections. */
function setTls(
  builder: DeploymentBuilder,
  module: TerraformModule,
  instance: TerraformResource,
) {
  const sslMode = terraformValue(
    module,
    instance,
    'settings.0.ip_configuration.0.ssl_mode',
  );
  if (sslMode) {
    setFacetFrom(builder, 'tls', sslMode, v => {
      const mode = String(v).toUpperCase();
      if (
        mode === 'ENCRYPTED_ONLY' ||
        mode === 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'
      )
        return true;
      if (mode === 'ALLOW_UNENCRYPTED_AND_ENCRYPTED') return false;
      return undefined;
    });
    return;
  }
  const requireSsl = terraformFlag(
    module,
    instance,
    'settings.0.ip_configuration.0.require_ssl',
  );
  if (requireSsl.source) {
    setFacetFrom(
      builder,
      'tls',
      requireSsl.source,
      v => v === true || String(v) === 'true',
    );
    return;
  }
  builder.set(
    'tls',
    false,
    fileEvidence(
      instance.path,
      instance.line,
      'neither ssl_mode nor require_ssl: unencrypted connections allowed',
    ),
  );
}
