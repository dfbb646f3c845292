// Terraform for MongoDB Atlas (provider mongodb/mongodbatlas 1.x), split
// across files the way teams commit it: clusters in main.tf, the backup
// policy, database users and the monitoring integration beside them.
import { attr, blank, block, str, tfFile } from '../hcl.mjs';
import { backendAndProviders, variable } from './terraform.mjs';

// Atlas names AWS regions EU_WEST_2 where AWS itself says eu-west-2.
export const atlasRegion = region => region.toUpperCase().replaceAll('-', '_');

const clusterRef = c =>
  `mongodbatlas_${c.resource === 'legacy' ? 'cluster' : 'advanced_cluster'}.${
    c.id
  }`;
const versionExpression = c =>
  c.versionVar ? `var.${c.versionVar.name}` : str(c.facets.version);

function tagBlocks(c, keyword) {
  return [
    ['environment', c.environment],
    ['team', c.owner],
  ].flatMap(([key, value]) => [
    blank,
    block(keyword, [], [attr('key', str(key)), attr('value', str(value))]),
  ]);
}

function advancedCluster(c) {
  const f = c.facets;
  const sharded = f.topology === 'sharded';
  return block(
    'resource',
    ['mongodbatlas_advanced_cluster', c.id],
    [
      attr('project_id', 'var.atlas_project_id'),
      attr('name', str(c.name)),
      attr('cluster_type', str(sharded ? 'SHARDED' : 'REPLICASET')),
      attr('mongo_db_major_version', versionExpression(c)),
      attr('backup_enabled', String(f.backup !== 'none')),
      attr('pit_enabled', String(f.backup.endsWith('+pitr'))),
      attr(
        'termination_protection_enabled',
        String(c.environment === 'production'),
      ),
      blank,
      block(
        'replication_specs',
        [],
        [
          sharded && attr('num_shards', String(c.shards)),
          sharded && blank,
          block(
            'region_configs',
            [],
            [
              block(
                'electable_specs',
                [],
                [
                  attr('instance_size', str(c.instanceSize)),
                  attr('node_count', String(f.replicas)),
                ],
              ),
              block('auto_scaling', [], [attr('disk_gb_enabled', 'true')]),
              attr('provider_name', str('AWS')),
              attr('priority', '7'),
              attr('region_name', str(atlasRegion(f.region))),
            ],
          ),
        ],
      ),
      blank,
      block(
        'advanced_configuration',
        [],
        [
          attr('minimum_enabled_tls_protocol', str('TLS1_2')),
          attr('javascript_enabled', 'false'),
        ],
      ),
      ...tagBlocks(c, 'tags'),
    ],
  );
}

function legacyCluster(c) {
  const f = c.facets;
  const placement =
    c.legacyPlacement === 'replication_specs'
      ? [
          attr('provider_name', str('AWS')),
          attr('provider_instance_size_name', str(c.instanceSize)),
          blank,
          block(
            'replication_specs',
            [],
            [
              attr('num_shards', '1'),
              block(
                'regions_config',
                [],
                [
                  attr('region_name', str(atlasRegion(f.region))),
                  attr('electable_nodes', String(f.replicas)),
                  attr('priority', '7'),
                  attr('read_only_nodes', '0'),
                ],
              ),
            ],
          ),
        ]
      : [
          attr('provider_name', str('AWS')),
          attr('provider_instance_size_name', str(c.instanceSize)),
          attr('provider_region_name', str(atlasRegion(f.region))),
        ];
  return block(
    'resource',
    ['mongodbatlas_cluster', c.id],
    [
      attr('project_id', 'var.atlas_project_id'),
      attr('name', str(c.name)),
      attr('cluster_type', str('REPLICASET')),
      blank,
      ...placement,
      blank,
      attr('mongo_db_major_version', versionExpression(c)),
      attr('cloud_backup', String(f.backup !== 'none')),
      attr('pit_enabled', String(f.backup.endsWith('+pitr'))),
      attr('auto_scaling_disk_gb_enabled', 'true'),
      blank,
      block(
        'advanced_configuration',
        [],
        [attr('minimum_enabled_tls_protocol', str('TLS1_2'))],
      ),
      // Older modules still carry the deprecated `labels` blocks.
      ...tagBlocks(c, c.labelKeyword ?? 'tags'),
    ],
  );
}

function policy(kind, interval, unit, retention) {
  return block(
    `policy_item_${kind}`,
    [],
    [
      attr('frequency_interval', String(interval)),
      attr('retention_unit', str(unit)),
      attr('retention_value', String(retention)),
    ],
  );
}

function backupSchedule(c) {
  const pitr = c.facets.backup.endsWith('+pitr');
  const production = c.environment === 'production';
  return block(
    'resource',
    ['mongodbatlas_cloud_backup_schedule', c.id],
    [
      attr('project_id', `${clusterRef(c)}.project_id`),
      attr('cluster_name', `${clusterRef(c)}.name`),
      blank,
      attr('reference_hour_of_day', '2'),
      attr('reference_minute_of_hour', '30'),
      pitr && attr('restore_window_days', '7'),
      blank,
      policy('hourly', production ? 6 : 12, 'days', production ? 3 : 1),
      blank,
      policy('daily', 1, 'days', production ? 14 : 3),
      production && blank,
      production && policy('weekly', 6, 'weeks', 8),
      production && blank,
      production && policy('monthly', 40, 'months', 12),
    ],
  );
}

function databaseUser(u, clusters, secrets, file) {
  let identity;
  if (u.type === 'x509') {
    identity = [
      attr('username', str(`CN=${u.username},OU=${u.ou},O=Fernhill Bank,C=GB`)),
      attr('auth_database_name', str('$external')),
      attr('x509_type', str('CUSTOMER')),
    ];
  } else if (u.type === 'aws-iam') {
    identity = [
      attr('username', `var.${u.id}_role_arn`),
      attr('auth_database_name', str('$external')),
      attr('aws_iam_type', str('ROLE')),
    ];
  } else {
    // A literal password is how a repository leaks one; most use a variable.
    if (u.password) secrets.push({ path: file, value: u.password });
    identity = [
      attr('username', str(u.username)),
      attr('password', u.password ? str(u.password) : `var.${u.id}_password`),
      attr('auth_database_name', str('admin')),
    ];
  }
  const scopes = u.clusterIds.flatMap(id => {
    const c = clusters.find(x => x.id === id);
    return [
      blank,
      block(
        'scopes',
        [],
        [attr('name', `${clusterRef(c)}.name`), attr('type', str('CLUSTER'))],
      ),
    ];
  });
  return block(
    'resource',
    ['mongodbatlas_database_user', u.id],
    [
      attr('project_id', 'var.atlas_project_id'),
      ...identity,
      blank,
      block(
        'roles',
        [],
        [
          attr('role_name', str('readWrite')),
          attr('database_name', str(u.database)),
        ],
      ),
      ...scopes,
    ],
  );
}

function integration(kind) {
  if (kind === 'datadog') {
    return block(
      'resource',
      ['mongodbatlas_third_party_integration', 'datadog'],
      [
        attr('project_id', 'var.atlas_project_id'),
        attr('type', str('DATADOG')),
        attr('api_key', 'var.datadog_api_key'),
        attr('region', str('EU')),
      ],
    );
  }
  return block(
    'resource',
    ['mongodbatlas_third_party_integration', 'prometheus'],
    [
      attr('project_id', 'var.atlas_project_id'),
      attr('type', str('PROMETHEUS')),
      attr('user_name', str('prometheus')),
      attr('password', 'var.prometheus_scrape_password'),
      attr('service_discovery', str('http')),
      attr('enabled', 'true'),
    ],
  );
}

/**
 * One Terraform root module managing one or more Atlas clusters.
 * layout "split": main.tf, backup.tf, users.tf, monitoring.tf, variables.tf, versions.tf
 * layout "single": clusters, schedules, users and monitoring all in main.tf.
 */
export function atlasProject({
  dir,
  layout = 'split',
  stateKey,
  clusters,
  users,
  monitoring,
}) {
  const secrets = [];
  const path = name => `${dir}/${name}`;
  const usersFile = path(layout === 'split' ? 'users.tf' : 'main.tf');

  const clusterBlocks = clusters.map(c =>
    c.resource === 'legacy' ? legacyCluster(c) : advancedCluster(c),
  );
  const backupBlocks = clusters.filter(c => c.schedule).map(backupSchedule);
  const userBlocks = users.map(u =>
    databaseUser(u, clusters, secrets, usersFile),
  );
  const monitoringBlocks = monitoring ? [integration(monitoring)] : [];

  const variables = [
    variable('atlas_project_id', 'Atlas project that holds the clusters.'),
  ];
  const versionVars = new Map(
    clusters
      .filter(c => c.versionVar)
      .map(c => [c.versionVar.name, c.versionVar]),
  );
  for (const v of versionVars.values()) {
    variables.push(
      variable(v.name, 'MongoDB major version of the cluster.', {
        defaultValue: v.default,
      }),
    );
  }
  for (const u of users) {
    if (u.type === 'aws-iam')
      variables.push(
        variable(
          `${u.id}_role_arn`,
          'IAM role the service assumes to reach MongoDB.',
        ),
      );
    if (u.type === 'scram' && !u.password) {
      variables.push(
        variable(
          `${u.id}_password`,
          'Password of the application database user.',
          { sensitive: true },
        ),
      );
    }
  }
  if (monitoring === 'datadog') {
    variables.push(
      variable(
        'datadog_api_key',
        'Datadog API key for the Atlas integration.',
        { sensitive: true },
      ),
    );
  }
  if (monitoring === 'prometheus') {
    variables.push(
      variable(
        'prometheus_scrape_password',
        'Password Prometheus uses to scrape Atlas.',
        { sensitive: true },
      ),
    );
  }

  const files = {};
  if (layout === 'split') {
    files[path('main.tf')] = tfFile(...clusterBlocks);
    if (backupBlocks.length) files[path('backup.tf')] = tfFile(...backupBlocks);
    if (userBlocks.length) files[path('users.tf')] = tfFile(...userBlocks);
    if (monitoringBlocks.length)
      files[path('monitoring.tf')] = tfFile(...monitoringBlocks);
  } else {
    files[path('main.tf')] = tfFile(
      ...clusterBlocks,
      ...backupBlocks,
      ...userBlocks,
      ...monitoringBlocks,
    );
  }
  files[path('variables.tf')] = tfFile(...variables);
  files[path('versions.tf')] = tfFile(
    ...backendAndProviders({
      stateKey,
      providers: { mongodbatlas: ['mongodb/mongodbatlas', '~> 1.21'] },
      providerBlocks: [block('provider', ['mongodbatlas'], [])],
    }),
  );
  return { files, secrets };
}
