import { loadHclParser } from '../../parsing/hcl';
import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { postgresqlDetector } from './detector';

beforeAll(() => loadHclParser());

describe('Azure Database for PostgreSQL flexible server (Terraform)', () => {
  it('reads a zone-redundant server with Entra ID, diagnostics and secure transport switched off', () => {
    const deployment = onlyServer(
      detectFiles(
        {
          'infra/azure/postgres.tf': `
resource "azurerm_postgresql_flexible_server" "main" {
  name                   = "reports"
  location               = "UK South"
  version                = "16"
  sku_name               = "GP_Standard_D4ds_v5"
  backup_retention_days  = 14
  administrator_password = var.admin_password
  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
  }
  high_availability {
    mode = "ZoneRedundant"
  }
  tags = { env = "prod" }
}
resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "off"
}
resource "azurerm_monitor_diagnostic_setting" "main" {
  name               = "diag"
  target_resource_id = azurerm_postgresql_flexible_server.main.id
}
`,
        },
        [postgresqlDetector],
      ),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'azure-flexible',
      provisioning: 'terraform',
      environment: 'production',
      version: '16',
      instanceClass: 'GP_Standard_D4ds_v5',
      region: 'uksouth',
      storageEncrypted: true,
      replicas: 2,
      topology: 'replicated',
      backup: 'continuous',
      backupTool: 'azure-automated',
      monitoring: 'azure-monitor',
      authentication: 'azure-ad',
      tls: false,
    });
  });

  it('reads the defaults: password authentication, TLS required, one server', () => {
    const deployment = onlyServer(
      detectFiles(
        {
          'main.tf':
            'resource "azurerm_postgresql_flexible_server" "s" {\n  name = "s"\n  location = "westeurope"\n  version = "15"\n}\n',
        },
        [postgresqlDetector],
      ),
    );
    expect(facetValues(deployment)).toMatchObject({
      authentication: 'password',
      tls: true,
      replicas: 1,
      topology: 'standalone',
      monitoring: 'none',
    });
  });
});
