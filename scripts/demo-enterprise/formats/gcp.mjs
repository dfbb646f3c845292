// Terraform for Cloud SQL for PostgreSQL (provider hashicorp/google 6.x).
import { attr, blank, block, map, str, tfFile } from '../hcl.mjs';
import { backendAndProviders, variable } from './terraform.mjs';

export function cloudSqlInstance(d) {
  const f = d.facets;
  const pitr = f.backup.endsWith('+pitr');
  const tls =
    d.tlsStyle === 'require_ssl'
      ? attr('require_ssl', String(f.tls))
      : attr(
          'ssl_mode',
          str(f.tls ? 'ENCRYPTED_ONLY' : 'ALLOW_UNENCRYPTED_AND_ENCRYPTED'),
        );
  const instance = block(
    'resource',
    ['google_sql_database_instance', d.id],
    [
      attr('name', str(d.instanceName)),
      attr('database_version', str(`POSTGRES_${f.version.split('.')[0]}`)),
      attr('region', str(f.region)),
      attr('deletion_protection', 'true'),
      blank,
      block(
        'settings',
        [],
        [
          attr('tier', str(d.tier ?? 'db-custom-4-15360')),
          attr(
            'availability_type',
            str(f.topology === 'cluster' ? 'REGIONAL' : 'ZONAL'),
          ),
          attr('disk_type', str('PD_SSD')),
          attr('disk_size', '100'),
          attr('disk_autoresize', 'true'),
          blank,
          block(
            'backup_configuration',
            [],
            [
              attr('enabled', String(f.backup !== 'none')),
              attr('point_in_time_recovery_enabled', String(pitr)),
              attr('start_time', str('01:00')),
              pitr && attr('transaction_log_retention_days', '7'),
              blank,
              block(
                'backup_retention_settings',
                [],
                [
                  attr('retained_backups', '14'),
                  attr('retention_unit', str('COUNT')),
                ],
              ),
            ],
          ),
          blank,
          block(
            'ip_configuration',
            [],
            [
              attr('ipv4_enabled', 'false'),
              attr('private_network', 'var.vpc_self_link'),
              tls,
            ],
          ),
          blank,
          f.monitoring === 'cloud-monitoring' &&
            block(
              'insights_config',
              [],
              [
                attr('query_insights_enabled', 'true'),
                attr('record_application_tags', 'true'),
              ],
            ),
          f.monitoring === 'cloud-monitoring' && blank,
          block(
            'database_flags',
            [],
            [
              attr('name', str('log_min_duration_statement')),
              attr('value', str('500')),
            ],
          ),
          blank,
          attr(
            'user_labels',
            map({ environment: str(d.environment), team: str(d.owner) }),
          ),
        ],
      ),
    ],
  );
  const files = {
    [`${d.dir}/main.tf`]: tfFile(
      instance,
      block(
        'resource',
        ['google_sql_database', d.id],
        [
          attr('name', str(d.dbName)),
          attr('instance', `google_sql_database_instance.${d.id}.name`),
        ],
      ),
      block(
        'resource',
        ['google_sql_user', 'app'],
        [
          attr('name', str(d.username)),
          attr('instance', `google_sql_database_instance.${d.id}.name`),
          attr('password', 'random_password.app.result'),
        ],
      ),
      block(
        'resource',
        ['random_password', 'app'],
        [attr('length', '32'), attr('special', 'true')],
      ),
    ),
    [`${d.dir}/variables.tf`]: tfFile(
      variable('project_id', 'GCP project of the service.'),
      variable(
        'vpc_self_link',
        'Shared VPC the instance gets a private IP in.',
      ),
    ),
    [`${d.dir}/versions.tf`]: tfFile(
      ...backendAndProviders({
        stateKey: d.stateKey,
        backendKind: 'gcs',
        providers: {
          google: ['hashicorp/google', '~> 6.8'],
          random: ['hashicorp/random', '~> 3.6'],
        },
        providerBlocks: [
          block(
            'provider',
            ['google'],
            [attr('project', 'var.project_id'), attr('region', str(f.region))],
          ),
        ],
      }),
    ),
  };
  return { files, secrets: [] };
}
