import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { asBoolean, asNumber } from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { azureDiagnosticSettings } from '../shared/azureMonitoring';
import { fileEvidence } from '../shared/deploymentBuilder';
import { asServerVersion, setFacetFrom } from '../shared/sourcedValue';
import {
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

const SERVER = 'azurerm_postgresql_flexible_server';
/** A replica (`create_mode = "Replica"`) names its source server by id. */
const SOURCE: ReplicaSource = { attribute: 'source_server_id' };

/**
 * Azure Database for PostgreSQL flexible server
 * (`azurerm_postgresql_flexible_server`), joined with its server
 * configurations and diagnostic settings; replicas (`create_mode =
 * "Replica"`) are folded into their source.
 */
export function detectAzurePostgres(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  for (const module of repo.terraformModules()) {
    const servers = module.resourcesOfType(SERVER);
    for (const server of servers) {
      if (servers.some(other => replicates(module, server, other, SOURCE)))
        continue;
      deployments.push(describe(module, server, servers));
    }
  }
  return deployments;
}

function describe(
  module: TerraformModule,
  server: TerraformResource,
  all: TerraformResource[],
): DetectedDeployment {
  const builder = terraformPostgres(module, server, 'azure-flexible', ['name']);
  const at = (path: string) => terraformValue(module, server, path);
  setFacetFrom(builder, 'version', at('version'), asServerVersion, {
    value: UNKNOWN,
    path: server.path,
    line: server.line,
    note: 'version not set: Azure picks its default major version',
  });
  setInstanceClass(builder, at('sku_name'), server);
  setFacetFrom(builder, 'region', at('location'), v =>
    v === null ? undefined : String(v).toLowerCase().replace(/\s+/g, ''),
  );
  builder.set(
    'storageEncrypted',
    true,
    fileEvidence(
      server.path,
      server.line,
      'Azure encrypts flexible server storage at rest',
    ),
  );

  const replicas = all.filter(other =>
    replicates(module, other, server, SOURCE),
  );
  replicas.forEach(replica => builder.addFile(replica.path));
  const mode = at('high_availability.0.mode');
  const highlyAvailable =
    mode?.value.kind === 'scalar' &&
    ['ZoneRedundant', 'SameZone'].includes(String(mode.value.value));
  const members = (highlyAvailable ? 2 : 1) + replicas.length;
  const evidence = fileEvidence(
    mode?.path ?? server.path,
    mode?.value.line ?? server.line,
    [
      highlyAvailable
        ? `high availability ${String(
            (mode!.value as { value: unknown }).value,
          )}: primary and standby`
        : 'no high availability: one server',
      ...(replicas.length ? [`${replicas.length} read replica(s)`] : []),
    ].join(' + '),
  );
  builder.set('replicas', members, evidence);
  builder.set('topology', members > 1 ? 'replicated' : 'standalone', evidence);

  // Flexible server always keeps backups restorable to a point in time (7 to 35 days).
  const retention = at('backup_retention_days');
  const days =
    retention?.value.kind === 'scalar'
      ? asNumber(retention.value.value)
      : undefined;
  const backupEvidence = fileEvidence(
    retention?.path ?? server.path,
    retention?.value.line ?? server.line,
    `automated backups with point-in-time restore, ${days ?? 7} days${
      retention ? '' : ' (default)'
    }`,
  );
  builder.set('backup', 'continuous', backupEvidence);
  builder.set('backupTool', 'azure-automated', backupEvidence);

  setMonitoringMethods(
    builder,
    azureDiagnosticSettings(builder, module, server),
    server,
    'no diagnostic setting for the server',
  );

  const entra = terraformFlag(
    module,
    server,
    'authentication.0.active_directory_auth_enabled',
  );
  const password = terraformFlag(
    module,
    server,
    'authentication.0.password_auth_enabled',
  );
  const methods = [
    ...(entra.value ? ['azure-ad'] : []),
    ...(password.value !== false ? ['password'] : []),
  ];
  builder.set(
    'authentication',
    methods.length ? methods.join('+') : 'none',
    fileEvidence(
      server.path,
      (entra.source ?? password.source)?.value.line ?? server.line,
      entra.source || password.source
        ? undefined
        : 'password authentication by default',
    ),
  );

  const secureTransport = module
    .resourcesOfType('azurerm_postgresql_flexible_server_configuration')
    .find(
      configuration =>
        terraformLiteral(module, configuration, 'name') ===
          'require_secure_transport' &&
        module.refersTo(configuration.body.entries.get('server_id'), server),
    );
  if (secureTransport) {
    builder.addFile(secureTransport.path);
    setFacetFrom(
      builder,
      'tls',
      terraformValue(module, secureTransport, 'value'),
      v => asBoolean(v),
    );
  } else {
    builder.set(
      'tls',
      true,
      fileEvidence(
        server.path,
        server.line,
        'require_secure_transport defaults to on',
      ),
    );
  }
  return builder.build();
}
