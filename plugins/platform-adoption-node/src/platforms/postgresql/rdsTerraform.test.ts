import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { loadHclParser } from '../../parsing/hcl';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { postgresqlDetector } from './detector';

beforeAll(() => loadHclParser());

const detect = (files: Record<string, string>) =>
  detectFiles(files, [postgresqlDetector]);

const PROVIDERS = `provider "aws" {
  region = "eu-west-2"
  default_tags {
    tags = { environment = "production" }
  }
}
`;

describe('PostgreSQL on Amazon RDS and Aurora (Terraform)', () => {
  it('reads a Multi-AZ instance with its read replica, parameter group and monitoring', () => {
    const main = `
resource "aws_db_instance" "ledger" {
  identifier                          = "ledger-prod"
  engine                              = "postgres"
  engine_version                      = var.engine_version
  instance_class                      = "db.r6g.large"
  storage_encrypted                   = true
  multi_az                            = true
  password                            = "Rds-Exampl3-Passw0rd!"
  backup_retention_period             = 14
  performance_insights_enabled        = true
  monitoring_interval                 = 60
  iam_database_authentication_enabled = true
  parameter_group_name                = aws_db_parameter_group.ledger.name
}

resource "aws_db_instance" "ledger_replica" {
  identifier          = "ledger-prod-replica"
  replicate_source_db = aws_db_instance.ledger.identifier
  instance_class      = "db.r6g.large"
}

resource "aws_db_parameter_group" "ledger" {
  name   = "ledger-pg16"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}
`;
    const result = detect({
      'terraform/providers.tf': PROVIDERS,
      'terraform/main.tf': main,
      'terraform/variables.tf':
        'variable "engine_version" {\n  default = "16.4"\n}\n',
    });
    const deployment = onlyServer(result);
    expect(deployment).toMatchObject({
      key: 'terraform/main.tf#aws_db_instance.ledger',
      name: 'ledger-prod',
      platform: 'postgresql',
    });
    expect(facetValues(deployment)).toEqual({
      hosting: 'aws-rds',
      provisioning: 'terraform',
      environment: 'production',
      version: '16.4',
      instanceClass: 'db.r6g.large',
      storageEncrypted: true,
      region: 'eu-west-2',
      replicas: 3,
      topology: 'replicated',
      backup: 'continuous',
      backupTool: 'rds-automated',
      monitoring: 'enhanced-monitoring+performance-insights',
      authentication: 'iam',
      tls: true,
    });
    expect(deployment.facets.tls.evidence).toMatchObject({
      path: 'terraform/main.tf',
      line: lineOf(main, 'value = "1"'),
    });
    expect(deployment.facets.environment.evidence).toMatchObject({
      path: 'terraform/providers.tf',
      note: 'provider default tag environment "production"',
    });
    expect(JSON.stringify(result)).not.toContain('Rds-Exampl3-Passw0rd!');
  });

  it('reads retention 0 as no backup, and an absent retention as the API default of one day', () => {
    const result = detect({
      'a/main.tf':
        'resource "aws_db_instance" "a" {\n  engine = "postgres"\n  engine_version = "14.10"\n  instance_class = "db.t4g.micro"\n  backup_retention_period = 0\n}\n',
      'b/main.tf':
        'resource "aws_db_instance" "b" {\n  engine = "postgres"\n  engine_version = "16"\n  instance_class = "db.t4g.micro"\n}\nresource "aws_db_instance" "mysql" {\n  engine = "mysql"\n  instance_class = "db.t4g.micro"\n}\n',
    });
    const [a, b] = [
      'a/main.tf#aws_db_instance.a',
      'b/main.tf#aws_db_instance.b',
    ].map(key => result.deployments.find(d => d.key === key));
    expect(result.deployments).toHaveLength(2);
    expect(facetValues(a)).toMatchObject({
      backup: 'none',
      topology: 'standalone',
      replicas: 1,
      storageEncrypted: false,
      tls: false,
      authentication: 'password',
      monitoring: 'none',
      region: UNKNOWN,
    });
    expect(a!.facets.tls.evidence.note).toContain('defaults to 0');
    expect(facetValues(b)).toMatchObject({ backup: 'continuous', tls: true });
    expect(b!.facets.backup.evidence.note).toContain('1 day');
  });

  it('leaves unresolved engine versions and retention unknown', () => {
    const deployment = onlyServer(
      detect({
        'main.tf':
          'resource "aws_db_instance" "x" {\n  engine = "postgres"\n  engine_version = var.version\n  backup_retention_period = var.retention\n}\n',
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: UNKNOWN,
      backup: UNKNOWN,
      tls: UNKNOWN,
    });
  });

  it('reads an Aurora cluster with its instances', () => {
    const deployment = onlyServer(
      detect({
        'providers.tf': PROVIDERS,
        'aurora.tf': `
resource "aws_rds_cluster" "decisions" {
  cluster_identifier      = "decisions-prod"
  engine                  = "aurora-postgresql"
  engine_version          = "16.4"
  storage_encrypted       = true
  backup_retention_period = 14
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.decisions.name
}
resource "aws_rds_cluster_instance" "decisions" {
  count                        = 2
  cluster_identifier           = aws_rds_cluster.decisions.id
  instance_class               = "db.r6g.xlarge"
  performance_insights_enabled = true
}
resource "aws_rds_cluster_parameter_group" "decisions" {
  name   = "decisions"
  family = "aurora-postgresql16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      hosting: 'aws-aurora',
      version: '16.4',
      replicas: 2,
      topology: 'replicated',
      instanceClass: 'db.r6g.xlarge',
      backup: 'continuous',
      monitoring: 'performance-insights',
      tls: true,
      region: 'eu-west-2',
    });
  });

  it('reads a Multi-AZ DB cluster (engine postgres) as three members', () => {
    const deployment = onlyServer(
      detect({
        'main.tf':
          'resource "aws_rds_cluster" "m" {\n  engine = "postgres"\n  engine_version = "15.4"\n  db_cluster_instance_class = "db.m6gd.large"\n}\n',
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      hosting: 'aws-rds',
      replicas: 3,
      topology: 'replicated',
      instanceClass: 'db.m6gd.large',
      tls: true,
    });
  });
});
