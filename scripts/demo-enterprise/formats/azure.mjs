// Terraform for Azure Database for PostgreSQL flexible server (provider
// hashicorp/azurerm 4.x), with the server parameters and diagnostics teams
// usually keep next to it.
import { attr, blank, block, map, str, tfFile } from '../hcl.mjs';
import { backendAndProviders, variable } from './terraform.mjs';

export function flexibleServer(d) {
  const f = d.facets;
  const ha = f.topology === 'cluster';
  const server = block(
    'resource',
    ['azurerm_postgresql_flexible_server', d.id],
    [
      attr('name', str(d.serverName)),
      attr('resource_group_name', 'var.resource_group_name'),
      attr('location', str(f.region)),
      attr('version', str(f.version)),
      attr('sku_name', str(d.sku ?? 'GP_Standard_D4ds_v5')),
      attr('storage_mb', '131072'),
      attr('zone', str('1')),
      blank,
      attr('delegated_subnet_id', 'var.delegated_subnet_id'),
      attr('private_dns_zone_id', 'var.private_dns_zone_id'),
      attr('public_network_access_enabled', 'false'),
      blank,
      attr('backup_retention_days', String(f.backup === 'none' ? 7 : 14)),
      attr('geo_redundant_backup_enabled', String(d.geoRedundant ?? true)),
      blank,
      attr('administrator_login', str(d.adminLogin)),
      attr('administrator_password', 'var.administrator_password'),
      blank,
      block(
        'authentication',
        [],
        [
          attr(
            'active_directory_auth_enabled',
            String(f.authentication === 'azure-ad'),
          ),
          attr(
            'password_auth_enabled',
            String(f.authentication === 'password'),
          ),
        ],
      ),
      ha && blank,
      ha &&
        block(
          'high_availability',
          [],
          [
            attr('mode', str('ZoneRedundant')),
            attr('standby_availability_zone', str('2')),
          ],
        ),
      blank,
      attr(
        'tags',
        map({ environment: str(d.environment), team: str(d.owner) }),
      ),
    ],
  );
  const tls = block(
    'resource',
    [
      'azurerm_postgresql_flexible_server_configuration',
      'require_secure_transport',
    ],
    [
      attr('name', str('require_secure_transport')),
      attr('server_id', `azurerm_postgresql_flexible_server.${d.id}.id`),
      attr('value', str(f.tls ? 'on' : 'off')),
    ],
  );
  const diagnostics =
    f.monitoring === 'azure-monitor' &&
    block(
      'resource',
      ['azurerm_monitor_diagnostic_setting', d.id],
      [
        attr('name', str(`${d.serverName}-diagnostics`)),
        attr(
          'target_resource_id',
          `azurerm_postgresql_flexible_server.${d.id}.id`,
        ),
        attr('log_analytics_workspace_id', 'var.log_analytics_workspace_id'),
        blank,
        block('enabled_log', [], [attr('category', str('PostgreSQLLogs'))]),
        blank,
        block('metric', [], [attr('category', str('AllMetrics'))]),
      ],
    );
  const files = {
    [`${d.dir}/postgres.tf`]: tfFile(server, tls, diagnostics),
    [`${d.dir}/variables.tf`]: tfFile(
      variable('resource_group_name', 'Resource group of the service.'),
      variable('delegated_subnet_id', 'Subnet delegated to flexible servers.'),
      variable('private_dns_zone_id', 'Private DNS zone for the server.'),
      variable(
        'administrator_password',
        'Administrator password, from Key Vault.',
        { sensitive: true },
      ),
      diagnostics &&
        variable(
          'log_analytics_workspace_id',
          'Workspace that receives diagnostics.',
        ),
    ),
    [`${d.dir}/versions.tf`]: tfFile(
      ...backendAndProviders({
        stateKey: d.stateKey,
        backendKind: 'azurerm',
        providers: { azurerm: ['hashicorp/azurerm', '~> 4.5'] },
        providerBlocks: [
          block('provider', ['azurerm'], [block('features', [], [])]),
        ],
      }),
    ),
  };
  return { files, secrets: [] };
}
