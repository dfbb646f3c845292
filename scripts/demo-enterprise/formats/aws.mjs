// Terraform for Amazon RDS for PostgreSQL and Aurora PostgreSQL (provider
// hashicorp/aws 5.x): the instance, its parameter group and, where the team
// uses it, the IAM policy for IAM database authentication.
import { attr, blank, block, map, str, strList, tfFile } from '../hcl.mjs';
import { backendAndProviders, variable } from './terraform.mjs';

function awsProviders(stateKey, region, defaultTags) {
  return backendAndProviders({
    stateKey,
    providers: { aws: ['hashicorp/aws', '~> 5.70'] },
    providerBlocks: [
      block(
        'provider',
        ['aws'],
        [
          attr('region', str(region)),
          defaultTags && blank,
          defaultTags &&
            block('default_tags', [], [attr('tags', map(defaultTags))]),
        ],
      ),
    ],
  });
}

function tlsParameterGroup(resource, id, family, force) {
  return block(
    'resource',
    [resource, id],
    [
      attr('name', str(`${id.replaceAll('_', '-')}-${family}`)),
      attr('family', str(family)),
      blank,
      block(
        'parameter',
        [],
        [
          attr('name', str('rds.force_ssl')),
          attr('value', str(force ? '1' : '0')),
        ],
      ),
      blank,
      block(
        'parameter',
        [],
        [
          attr('name', str('log_min_duration_statement')),
          attr('value', str('500')),
        ],
      ),
    ],
  );
}

const family = version => `postgres${version.split('.')[0]}`;

/** aws_db_instance, engine postgres. */
export function rdsInstance(d) {
  const f = d.facets;
  const secrets = [];
  const file = `${d.dir}/${d.fileName ?? 'main.tf'}`;
  const monitored = f.monitoring === 'cloudwatch';
  const id = d.id;
  const credentials = d.password
    ? [attr('username', str(d.username)), attr('password', str(d.password))]
    : [
        attr('username', str(d.username)),
        attr('manage_master_user_password', 'true'),
      ];
  if (d.password) secrets.push({ path: file, value: d.password });

  const instance = block(
    'resource',
    ['aws_db_instance', id],
    [
      attr('identifier', str(d.identifier)),
      attr('engine', str('postgres')),
      attr('engine_version', str(f.version)),
      attr('instance_class', str(d.instanceClass ?? 'db.r6g.large')),
      attr('allocated_storage', String(d.storage ?? 100)),
      attr('max_allocated_storage', String((d.storage ?? 100) * 5)),
      attr('storage_type', str('gp3')),
      attr('storage_encrypted', 'true'),
      blank,
      attr('db_name', str(d.dbName)),
      ...credentials,
      attr(
        'iam_database_authentication_enabled',
        String(f.authentication === 'aws-iam'),
      ),
      blank,
      attr('multi_az', String(f.topology === 'cluster')),
      attr('db_subnet_group_name', 'var.db_subnet_group_name'),
      attr('vpc_security_group_ids', '[var.db_security_group_id]'),
      attr('parameter_group_name', `aws_db_parameter_group.${id}.name`),
      blank,
      attr(
        'backup_retention_period',
        String(f.backup === 'none' ? 0 : d.retentionDays ?? 14),
      ),
      f.backup !== 'none' && attr('backup_window', str('01:00-02:00')),
      attr('maintenance_window', str('sun:03:00-sun:04:00')),
      attr('copy_tags_to_snapshot', 'true'),
      attr('deletion_protection', String(d.environment === 'production')),
      attr('skip_final_snapshot', String(d.environment !== 'production')),
      d.environment === 'production' &&
        attr('final_snapshot_identifier', str(`${d.identifier}-final`)),
      blank,
      attr('performance_insights_enabled', String(monitored)),
      monitored && attr('performance_insights_retention_period', '7'),
      attr('monitoring_interval', monitored ? '60' : '0'),
      monitored && attr('monitoring_role_arn', 'var.rds_monitoring_role_arn'),
      attr(
        'enabled_cloudwatch_logs_exports',
        strList(['postgresql', 'upgrade']),
      ),
      d.tagsOnResource && blank,
      d.tagsOnResource &&
        attr(
          'tags',
          map({ environment: str(d.environment), team: str(d.owner) }),
        ),
    ],
  );

  const iamPolicy =
    f.authentication === 'aws-iam' &&
    block(
      'resource',
      ['aws_iam_policy', `${id}_connect`],
      [
        attr('name', str(`${d.identifier}-rds-connect`)),
        attr(
          'policy',
          [
            'jsonencode({',
            '  Version   = "2012-10-17"',
            '  Statement = [{',
            '    Effect   = "Allow"',
            '    Action   = ["rds-db:connect"]',
            `    Resource = ["arn:aws:rds-db:${d.region}:\${data.aws_caller_identity.current.account_id}:dbuser:\${aws_db_instance.${id}.resource_id}/${d.iamUser}"]`,
            '  }]',
            '})',
          ].join('\n'),
        ),
      ],
    );

  const variables = [
    variable('db_subnet_group_name', 'Subnet group from the landing zone.'),
    variable(
      'db_security_group_id',
      'Security group allowing the service to reach the database.',
    ),
    monitored &&
      variable(
        'rds_monitoring_role_arn',
        'Role RDS Enhanced Monitoring publishes with.',
      ),
  ].filter(Boolean);

  const files = {
    [file]: tfFile(
      instance,
      tlsParameterGroup('aws_db_parameter_group', id, family(f.version), f.tls),
      iamPolicy,
      iamPolicy && block('data', ['aws_caller_identity', 'current'], []),
    ),
    [`${d.dir}/variables.tf`]: tfFile(...variables),
    [`${d.dir}/${d.providersFile ?? 'providers.tf'}`]: tfFile(
      ...awsProviders(
        d.stateKey,
        d.region,
        d.tagsOnResource
          ? null
          : {
              environment: str(d.environment),
              team: str(d.owner),
              'cost-centre': str(d.costCentre ?? 'CC-4100'),
            },
      ),
    ),
  };
  return { files, secrets };
}

/** aws_rds_cluster, engine aurora-postgresql, with its instances. */
export function auroraCluster(d) {
  const f = d.facets;
  const id = d.id;
  const monitored = f.monitoring === 'cloudwatch';
  const cluster = block(
    'resource',
    ['aws_rds_cluster', id],
    [
      attr('cluster_identifier', str(d.identifier)),
      attr('engine', str('aurora-postgresql')),
      attr('engine_version', str(f.version)),
      attr('database_name', str(d.dbName)),
      attr('master_username', str(d.username)),
      attr('manage_master_user_password', 'true'),
      attr(
        'iam_database_authentication_enabled',
        String(f.authentication === 'aws-iam'),
      ),
      blank,
      attr('db_subnet_group_name', 'var.db_subnet_group_name'),
      attr('vpc_security_group_ids', '[var.db_security_group_id]'),
      attr(
        'db_cluster_parameter_group_name',
        `aws_rds_cluster_parameter_group.${id}.name`,
      ),
      attr('storage_encrypted', 'true'),
      blank,
      attr('backup_retention_period', String(f.backup === 'none' ? 1 : 14)),
      attr('preferred_backup_window', str('01:00-02:00')),
      attr('copy_tags_to_snapshot', 'true'),
      attr('deletion_protection', 'true'),
      attr('final_snapshot_identifier', str(`${d.identifier}-final`)),
    ],
  );
  const instances = block(
    'resource',
    ['aws_rds_cluster_instance', id],
    [
      attr('count', String(f.replicas)),
      attr('identifier', str(`${d.identifier}-\${count.index}`)),
      attr('cluster_identifier', `aws_rds_cluster.${id}.id`),
      attr('instance_class', str(d.instanceClass ?? 'db.r6g.xlarge')),
      attr('engine', `aws_rds_cluster.${id}.engine`),
      attr('engine_version', `aws_rds_cluster.${id}.engine_version`),
      attr('performance_insights_enabled', String(monitored)),
      attr('monitoring_interval', monitored ? '60' : '0'),
      monitored && attr('monitoring_role_arn', 'var.rds_monitoring_role_arn'),
    ],
  );
  const files = {
    [`${d.dir}/aurora.tf`]: tfFile(
      cluster,
      instances,
      tlsParameterGroup(
        'aws_rds_cluster_parameter_group',
        id,
        `aurora-postgresql${f.version.split('.')[0]}`,
        f.tls,
      ),
    ),
    [`${d.dir}/variables.tf`]: tfFile(
      variable('db_subnet_group_name', 'Subnet group from the landing zone.'),
      variable(
        'db_security_group_id',
        'Security group allowing the service to reach the database.',
      ),
      monitored &&
        variable(
          'rds_monitoring_role_arn',
          'Role RDS Enhanced Monitoring publishes with.',
        ),
    ),
    [`${d.dir}/providers.tf`]: tfFile(
      ...awsProviders(d.stateKey, d.region, {
        environment: str(d.environment),
        team: str(d.owner),
      }),
    ),
  };
  return { files, secrets: [] };
}
