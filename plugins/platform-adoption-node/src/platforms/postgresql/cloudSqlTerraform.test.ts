import { loadHclParser } from '../../parsing/hcl';
import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { postgresqlDetector } from './detector';

beforeAll(() => loadHclParser());

const detect = (files: Record<string, string>) =>
  detectFiles(files, [postgresqlDetector]);

describe('PostgreSQL on Google Cloud SQL (Terraform)', () => {
  it('reads a regional instance with PITR, IAM authentication, TLS required and a read replica', () => {
    const deployment = onlyServer(
      detect({
        'infra/gcp/main.tf': `
resource "google_sql_database_instance" "registry" {
  name             = "registry-staging"
  database_version = "POSTGRES_15"
  region           = "europe-west2"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
    database_flags {
      name  = "cloudsql.iam_authentication"
      value = "on"
    }
    insights_config {
      query_insights_enabled = true
    }
  }
}
resource "google_sql_database_instance" "replica" {
  name                 = "registry-staging-replica"
  database_version     = "POSTGRES_15"
  master_instance_name = google_sql_database_instance.registry.name
  settings { tier = "db-custom-2-7680" }
}
resource "google_sql_database_instance" "mysql" {
  name             = "other"
  database_version = "MYSQL_8_0"
  settings { tier = "db-f1-micro" }
}
`,
      }),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'gcp-cloudsql',
      provisioning: 'terraform',
      environment: 'staging',
      version: '15',
      instanceClass: 'db-custom-2-7680',
      region: 'europe-west2',
      storageEncrypted: true,
      replicas: 3,
      topology: 'replicated',
      backup: 'continuous',
      backupTool: 'cloudsql-automated',
      monitoring: 'query-insights',
      authentication: 'iam',
      tls: true,
    });
  });

  it('reads the defaults: zonal, no backup, unencrypted connections allowed', () => {
    const deployment = onlyServer(
      detect({
        'main.tf':
          'resource "google_sql_database_instance" "x" {\n  database_version = "POSTGRES_9_6"\n  settings {\n    tier = "db-f1-micro"\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\n',
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: '9.6',
      topology: 'standalone',
      replicas: 1,
      backup: 'snapshot',
      tls: false,
      authentication: 'password',
      monitoring: 'none',
    });
  });
});
