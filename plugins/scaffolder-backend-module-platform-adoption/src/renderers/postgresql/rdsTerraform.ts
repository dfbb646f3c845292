import {
  count,
  fixed,
  methods,
  methodsOf,
  oneOfValues,
  text,
  version,
} from '../../rendering/capabilities';
import { awsRegion, resourceTags } from '../../rendering/terraform';
import { hcl, header, shortEnvironment } from '../../rendering/text';
import {
  FormRenderInput,
  RenderedFile,
  RenderForm,
} from '../../rendering/types';
import { POSTGRES_RELEASES, topologyConflict } from './cloudNativePg';

const DIR = 'infra/rds';

/**
 * Amazon RDS for PostgreSQL with the `hashicorp/aws` provider: one
 * `aws_db_instance` (Multi-AZ for two members, read replicas beyond), a
 * parameter group that states `rds.force_ssl`, automated backups, and the
 * monitoring the reference names.
 */
export const rdsTerraformForm: RenderForm = {
  id: 'rds-terraform',
  title: 'Amazon RDS for PostgreSQL (Terraform)',
  resourceTags: ['aws', 'rds'],
  facets: {
    provisioning: fixed('terraform'),
    version: version({
      known: POSTGRES_RELEASES,
      writable: v => /^\d+(\.\d+)?$/.test(v),
    }),
    topology: oneOfValues(['replicated', 'standalone']),
    replicas: count({
      min: 1,
      max: 7,
      preferred: ({ chosen }) =>
        chosen.topology === 'standalone' ? [1] : [2, 3],
    }),
    region: awsRegion(),
    instanceClass: text({
      pattern: /^db\.[a-z0-9]+\.[a-z0-9]+$/,
      requested: ({ request }) => request.size?.trim().toLowerCase(),
      fallback: ({ request }) =>
        request.environment === 'production' ? 'db.r6g.large' : 'db.t4g.medium',
    }),
    storageEncrypted: oneOfValues([true, false]),
    // Automated backups keep the transaction log: restorable to a point in time.
    backup: oneOfValues(['continuous', 'none']),
    backupTool: oneOfValues(['rds-automated', 'none']),
    monitoring: methods({
      methods: [
        'cloudwatch-logs',
        'enhanced-monitoring',
        'performance-insights',
      ],
      preferred: ['enhanced-monitoring+performance-insights'],
      allowNone: true,
    }),
    authentication: oneOfValues(['password', 'iam']),
    tls: oneOfValues([true, false]),
  },
  conflict(values) {
    if (
      'backupTool' in values &&
      (values.backup === 'none') !== (values.backupTool === 'none')
    ) {
      return 'RDS backup is rds-automated exactly when backup is on';
    }
    return topologyConflict(values);
  },
  render: renderRds,
};

function renderRds(input: FormRenderInput): RenderedFile[] {
  const { request, values, referenceTag } = input;
  const identifier = `${request.name}-${shortEnvironment(request.environment)}`;
  const database = request.name.replace(/-/g, '_');
  const major = String(values.version).split('.')[0];
  const members = Number(values.replicas);
  const readReplicas = Math.max(0, members - 2);
  const monitoring = methodsOf(values.monitoring);
  const production = request.environment === 'production';
  const retentionDays = production ? 14 : 7;
  const tags = resourceTags(input);

  const main = [
    header(
      '#',
      referenceTag,
      `PostgreSQL on Amazon RDS for ${request.name} (${request.environment}).`,
    ),
    'resource "aws_db_parameter_group" "main" {',
    `  name   = ${hcl(`${identifier}-postgres${major}`)}`,
    `  family = ${hcl(`postgres${major}`)}`,
    '',
    '  parameter {',
    '    name  = "rds.force_ssl"',
    `    value = ${hcl(values.tls ? '1' : '0')}`,
    '  }',
    '}',
    '',
    'resource "aws_db_instance" "main" {',
    `  identifier     = ${hcl(identifier)}`,
    '  engine         = "postgres"',
    `  engine_version = ${hcl(String(values.version))}`,
    `  instance_class = ${hcl(String(values.instanceClass))}`,
    `  db_name        = ${hcl(database)}`,
    `  username       = ${hcl(`${database}_admin`)}`,
    '  manage_master_user_password = true',
    '',
    '  allocated_storage     = 50',
    '  max_allocated_storage = 500',
    '  storage_type          = "gp3"',
    `  storage_encrypted     = ${values.storageEncrypted}`,
    '',
    `  multi_az             = ${members >= 2}`,
    `  parameter_group_name = aws_db_parameter_group.main.name`,
    '',
    `  backup_retention_period = ${
      values.backup === 'none' ? 0 : retentionDays
    }`,
    '  backup_window           = "02:00-03:00"',
    '',
    `  iam_database_authentication_enabled = ${
      values.authentication === 'iam'
    }`,
    '',
    `  performance_insights_enabled = ${monitoring.includes(
      'performance-insights',
    )}`,
    ...(monitoring.includes('enhanced-monitoring')
      ? [
          '  monitoring_interval          = 60',
          '  monitoring_role_arn          = aws_iam_role.rds_monitoring.arn',
        ]
      : ['  monitoring_interval          = 0']),
    ...(monitoring.includes('cloudwatch-logs')
      ? ['  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]']
      : []),
    '',
    `  deletion_protection       = ${production}`,
    `  skip_final_snapshot       = ${!production}`,
    ...(production
      ? [`  final_snapshot_identifier = ${hcl(`${identifier}-final`)}`]
      : []),
    '',
    ...tags,
    '}',
    '',
    ...Array.from({ length: readReplicas }, (_, i) => [
      `resource "aws_db_instance" "replica_${i + 1}" {`,
      `  identifier          = ${hcl(`${identifier}-replica-${i + 1}`)}`,
      '  replicate_source_db = aws_db_instance.main.identifier',
      `  instance_class      = ${hcl(String(values.instanceClass))}`,
      `  storage_encrypted   = ${values.storageEncrypted}`,
      `  parameter_group_name = aws_db_parameter_group.main.name`,
      '  skip_final_snapshot = true',
      '',
      ...tags,
      '}',
      '',
    ]).flat(),
  ].join('\n');

  const files: RenderedFile[] = [
    {
      path: `${DIR}/versions.tf`,
      content: [
        header('#', referenceTag, 'Terraform, provider and region.'),
        'terraform {',
        '  required_version = ">= 1.6"',
        '',
        '  required_providers {',
        '    aws = {',
        '      source  = "hashicorp/aws"',
        '      version = "~> 5.0"',
        '    }',
        '  }',
        '}',
        '',
        'provider "aws" {',
        `  region = ${hcl(String(values.region))}`,
        '}',
        '',
      ].join('\n'),
    },
    { path: `${DIR}/main.tf`, content: main },
  ];
  if (monitoring.includes('enhanced-monitoring')) {
    files.push({
      path: `${DIR}/monitoring.tf`,
      content: [
        header(
          '#',
          referenceTag,
          'The role Enhanced Monitoring publishes metrics with.',
        ),
        'resource "aws_iam_role" "rds_monitoring" {',
        `  name = ${hcl(`${identifier}-rds-monitoring`)}`,
        '  assume_role_policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Effect    = "Allow"',
        '      Action    = "sts:AssumeRole"',
        '      Principal = { Service = "monitoring.rds.amazonaws.com" }',
        '    }]',
        '  })',
        '}',
        '',
        'resource "aws_iam_role_policy_attachment" "rds_monitoring" {',
        '  role       = aws_iam_role.rds_monitoring.name',
        '  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"',
        '}',
        '',
      ].join('\n'),
    });
  }
  return files;
}
