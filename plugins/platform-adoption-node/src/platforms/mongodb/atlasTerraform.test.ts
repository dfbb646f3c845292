import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { loadHclParser } from '../../parsing/hcl';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { mongodbDetector } from './detector';

beforeAll(() => loadHclParser());

const detect = (files: Record<string, string>) =>
  detectFiles(files, [mongodbDetector]);

describe('MongoDB Atlas (Terraform)', () => {
  it('reads an advanced cluster split across files: backup schedule, users and integrations joined', () => {
    const main = `
resource "mongodbatlas_advanced_cluster" "orders" {
  project_id             = var.project_id
  name                   = "orders-prod"
  cluster_type           = "REPLICASET"
  mongo_db_major_version = var.mongo_version
  backup_enabled         = true

  replication_specs {
    region_configs {
      electable_specs {
        instance_size = "M30"
        node_count    = 3
      }
      read_only_specs {
        instance_size = "M30"
        node_count    = 1
      }
      provider_name = "AWS"
      priority      = 7
      region_name   = "EU_WEST_2"
    }
  }

  tags {
    key   = "environment"
    value = "production"
  }
}
`;
    const result = detect({
      'infra/atlas/main.tf': main,
      'infra/atlas/variables.tf':
        'variable "project_id" {}\nvariable "mongo_version" {\n  default = "7.0"\n}\n',
      'infra/atlas/backup.tf': `
resource "mongodbatlas_cloud_backup_schedule" "orders" {
  project_id   = mongodbatlas_advanced_cluster.orders.project_id
  cluster_name = mongodbatlas_advanced_cluster.orders.name
  reference_hour_of_day = 3
  policy_item_daily {
    frequency_interval = 1
    retention_unit     = "days"
    retention_value    = 7
  }
}
`,
      'infra/atlas/users.tf': `
resource "mongodbatlas_database_user" "service" {
  project_id         = var.project_id
  username           = "CN=orders"
  auth_database_name = "$external"
  x509_type          = "CUSTOMER"
  scopes {
    name = mongodbatlas_advanced_cluster.orders.name
    type = "CLUSTER"
  }
}
resource "mongodbatlas_database_user" "other_cluster_only" {
  project_id         = var.project_id
  username           = "someone"
  password           = "Plain-Text-Password-1"
  auth_database_name = "admin"
  scopes {
    name = "another-cluster"
    type = "CLUSTER"
  }
}
`,
      'infra/atlas/monitoring.tf':
        'resource "mongodbatlas_third_party_integration" "dd" {\n  project_id = var.project_id\n  type       = "DATADOG"\n  api_key    = "0123456789abcdef0123456789abcdef"\n}\n',
    });
    const cluster = onlyServer(result);
    expect(cluster).toMatchObject({
      platform: 'mongodb',
      kind: 'server',
      key: 'infra/atlas/main.tf#mongodbatlas_advanced_cluster.orders',
      name: 'orders-prod',
    });
    expect(facetValues(cluster)).toEqual({
      hosting: 'atlas',
      provisioning: 'terraform',
      tls: true,
      version: '7.0',
      provider: 'aws',
      instanceSize: 'M30',
      region: 'eu-west-2',
      topology: 'replicaset',
      replicas: 4,
      backup: 'snapshot',
      backupTool: 'atlas-cloud-backup',
      authentication: 'x509',
      monitoring: 'atlas-integration-datadog',
      environment: 'production',
    });
    expect(cluster.facets.version.evidence).toEqual({
      kind: 'file',
      path: 'infra/atlas/variables.tf',
      line: 3,
      note: 'from var.mongo_version',
    });
    expect(cluster.facets.instanceSize.evidence).toMatchObject({
      path: 'infra/atlas/main.tf',
      line: lineOf(main, 'instance_size = "M30"'),
    });
    expect(cluster.facets.tls.evidence).toMatchObject({
      note: 'Atlas enforces TLS',
    });
    expect(cluster.files).toEqual([
      'infra/atlas/backup.tf',
      'infra/atlas/main.tf',
      'infra/atlas/monitoring.tf',
      'infra/atlas/users.tf',
      'infra/atlas/variables.tf',
    ]);
    expect(JSON.stringify(result)).not.toContain('Plain-Text-Password-1');
    expect(JSON.stringify(result)).not.toContain(
      '0123456789abcdef0123456789abcdef',
    );
  });

  it('joins a backup schedule by literal cluster name and counts it as snapshots', () => {
    const cluster = onlyServer(
      detect({
        'main.tf':
          'resource "mongodbatlas_cluster" "c" {\n  project_id = "p"\n  name = "billing"\n  provider_name = "GCP"\n  provider_instance_size_name = "M10"\n  provider_region_name = "WESTERN_EUROPE"\n}\n',
        'backup.tf':
          'resource "mongodbatlas_cloud_backup_schedule" "b" {\n  project_id = "p"\n  cluster_name = "billing"\n}\n',
      }),
    );
    expect(facetValues(cluster)).toMatchObject({
      backup: 'snapshot',
      backupTool: 'atlas-cloud-backup',
      region: 'western-europe',
      provider: 'gcp',
      replicas: 3,
    });
    expect(cluster.facets.backup.evidence).toMatchObject({
      path: 'backup.tf',
      line: 1,
    });
  });

  it('reads the provider 2.x attribute syntax of the advanced cluster, sharded with one spec per shard', () => {
    const cluster = onlyServer(
      detect({
        'main.tf': `
resource "mongodbatlas_advanced_cluster" "ticks" {
  project_id   = "p"
  name         = "ticks"
  cluster_type = "SHARDED"
  pit_enabled  = true
  backup_enabled = true
  replication_specs = [
    {
      region_configs = [
        {
          electable_specs = { instance_size = "M40", node_count = 3 }
          provider_name   = "AZURE"
          priority        = 7
          region_name     = "UK_SOUTH"
        }
      ]
    },
    {
      region_configs = [
        {
          electable_specs = { instance_size = "M40", node_count = 3 }
          provider_name   = "AZURE"
          priority        = 7
          region_name     = "UK_SOUTH"
        }
      ]
    }
  ]
}
`,
      }),
    );
    expect(facetValues(cluster)).toMatchObject({
      topology: 'sharded',
      shards: 2,
      replicas: 3,
      instanceSize: 'M40',
      provider: 'azure',
      region: 'uk-south',
      backup: 'continuous',
      version: UNKNOWN,
      authentication: 'scram',
      monitoring: 'none',
      environment: UNKNOWN,
    });
  });

  it('leaves a version from a variable without default unknown, naming the variable', () => {
    const cluster = onlyServer(
      detect({
        'main.tf':
          'resource "mongodbatlas_cluster" "docs" {\n  name = "docs"\n  provider_name = "AWS"\n  mongo_db_major_version = var.mongo_version\n  cloud_backup = true\n}\n',
        'variables.tf': 'variable "mongo_version" {\n  type = string\n}\n',
      }),
    );
    expect(cluster.facets.version).toEqual({
      value: UNKNOWN,
      evidence: {
        kind: 'file',
        path: 'main.tf',
        line: 4,
        note: 'unresolved: var.mongo_version',
      },
    });
  });

  it('reports the free shared tier without backup, IAM users, and legacy backup as continuous', () => {
    const result = detect({
      'free.tf':
        'resource "mongodbatlas_cluster" "free" {\n  project_id = mongodbatlas_project.p.id\n  name = "free"\n  provider_name = "TENANT"\n  backing_provider_name = "AWS"\n  provider_instance_size_name = "M0"\n  provider_region_name = "US_EAST_1"\n}\nresource "mongodbatlas_database_user" "app" {\n  project_id = mongodbatlas_project.p.id\n  username = "arn:aws:iam::1:role/app"\n  aws_iam_type = "ROLE"\n  auth_database_name = "$external"\n}\n',
      'legacy/main.tf':
        'resource "mongodbatlas_cluster" "old" {\n  name = "old"\n  provider_name = "AWS"\n  mongo_db_major_version = "4.0"\n  backup_enabled = true\n}\n',
    });
    const free = result.deployments.find(d => d.name === 'free');
    expect(facetValues(free)).toMatchObject({
      provider: 'aws',
      instanceSize: 'M0',
      backup: 'none',
      authentication: 'iam',
      topology: 'replicaset',
      replicas: 3,
    });
    expect(free!.facets.backup.evidence.note).toContain('M0');
    const legacy = result.deployments.find(d => d.name === 'old');
    expect(facetValues(legacy)).toMatchObject({
      version: '4.0',
      backup: 'continuous',
      backupTool: 'atlas-legacy-backup',
    });
  });

  it('reads a Flex cluster', () => {
    const cluster = onlyServer(
      detect({
        'flex.tf':
          'resource "mongodbatlas_flex_cluster" "f" {\n  project_id = "p"\n  name = "flex-dev"\n  provider_settings = {\n    backing_provider_name = "GCP"\n    region_name = "CENTRAL_US"\n  }\n}\n',
      }),
    );
    expect(facetValues(cluster)).toMatchObject({
      instanceSize: 'FLEX',
      provider: 'gcp',
      region: 'central-us',
      backup: 'snapshot',
      version: UNKNOWN,
      environment: 'development',
    });
  });
});
