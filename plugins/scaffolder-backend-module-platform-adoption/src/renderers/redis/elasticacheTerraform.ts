import {
  compareVersions,
  FacetScalar,
  parseVersion,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  count,
  fixed,
  methods,
  methodsOf,
  oneOfValues,
  onlyForTopology,
  text,
  version,
} from '../../rendering/capabilities';
import {
  awsRegion,
  awsVersionsFile,
  resourceTags,
  stringVariables,
} from '../../rendering/terraform';
import { hcl, header, shortEnvironment } from '../../rendering/text';
import {
  FormRenderInput,
  RenderedFile,
  RenderForm,
} from '../../rendering/types';

const DIR = 'infra/elasticache';

/** The engine versions ElastiCache offers: Redis OSS up to 7.1, Valkey from 7.2. */
const LAST_REDIS_OSS = '7.1';
const isRedisOssVersion = (v: FacetScalar) =>
  compareVersions(parseVersion(v)!, parseVersion(LAST_REDIS_OSS)!) <= 0;

function conflict(values: Record<string, FacetScalar>): string | undefined {
  if ('version' in values && values.distribution) {
    const redisOss = isRedisOssVersion(values.version);
    if (values.distribution === 'redis' && !redisOss)
      return `ElastiCache runs Redis OSS up to ${LAST_REDIS_OSS}`;
    if (values.distribution === 'valkey' && redisOss)
      return 'ElastiCache runs Valkey from 7.2';
  }
  if (
    'replicas' in values &&
    (values.topology === 'standalone') !== (values.replicas === 1)
  ) {
    return 'a standalone cache has exactly one node';
  }
  if ('failover' in values) {
    if (values.failover === true && values.replicas === 1)
      return 'automatic failover needs a replica';
    if (values.failover === false && values.topology === 'cluster')
      return 'cluster mode always fails over';
  }
  if (
    'backupTool' in values &&
    (values.backup === 'none') !== (values.backupTool === 'none')
  ) {
    return 'ElastiCache backup is elasticache-snapshots exactly when backup is on';
  }
  return undefined;
}

/**
 * Amazon ElastiCache (Redis OSS or Valkey) as an
 * `aws_elasticache_replication_group`: replicated across zones or in cluster
 * mode, encrypted in transit, with an AUTH token or a user group of named or
 * IAM users, daily snapshots and log delivery to CloudWatch.
 */
export const elastiCacheForm: RenderForm = {
  id: 'elasticache-terraform',
  title: 'Amazon ElastiCache (Terraform)',
  resourceTags: ['aws', 'elasticache'],
  facets: {
    provisioning: fixed('terraform'),
    distribution: oneOfValues(['valkey', 'redis']),
    version: version({
      known: ['7.1', '7.2', '8.0'],
      writable: v => /^\d+\.\d+$/.test(v),
    }),
    topology: oneOfValues(['replicated', 'cluster', 'standalone']),
    replicas: count({
      min: 1,
      max: 6,
      preferred: ({ chosen }) =>
        chosen.topology === 'standalone' ? [1] : [2, 3],
    }),
    shards: onlyForTopology(
      'cluster',
      count({ min: 1, max: 500, preferred: [3] }),
    ),
    failover: oneOfValues([true, false]),
    // ElastiCache keeps data in memory; replicas and snapshots are its durability.
    persistence: fixed('none'),
    backup: oneOfValues(['snapshot', 'none']),
    backupTool: oneOfValues(['elasticache-snapshots', 'none']),
    monitoring: methods({
      methods: ['cloudwatch-logs', 'firehose-logs'],
      preferred: ['cloudwatch-logs'],
      allowNone: true,
    }),
    authentication: oneOfValues(['acl', 'iam', 'acl+iam', 'password']),
    // AUTH tokens and user groups need encryption in transit.
    tls: fixed(true),
    instanceSize: text({
      pattern: /^cache\.[a-z0-9]+\.[a-z0-9]+$/,
      requested: ({ request }) => request.size?.trim().toLowerCase(),
      fallback: ({ request }) =>
        request.environment === 'production'
          ? 'cache.r7g.large'
          : 'cache.t4g.small',
    }),
    region: awsRegion(),
  },
  conflict,
  render: renderElastiCache,
};

function renderElastiCache(input: FormRenderInput): RenderedFile[] {
  const { request, values, referenceTag } = input;
  const id = `${request.name}-${shortEnvironment(request.environment)}`;
  const engine = String(values.distribution);
  const cluster = values.topology === 'cluster';
  const members = Number(values.replicas);
  const auth = String(values.authentication);
  const users = methodsOf(auth === 'password' ? undefined : auth);
  const logs = methodsOf(values.monitoring);
  const family = `${engine}${String(values.version).split('.')[0]}`;
  const snapshotDays = request.environment === 'production' ? 7 : 1;

  const group = [
    header(
      '#',
      referenceTag,
      `${
        engine === 'valkey' ? 'Valkey' : 'Redis OSS'
      } on Amazon ElastiCache for ${request.name} (${request.environment}).`,
    ),
    'resource "aws_elasticache_replication_group" "main" {',
    `  replication_group_id = ${hcl(id)}`,
    `  description          = ${hcl(
      `${request.name} cache (${referenceTag})`,
    )}`,
    `  engine               = ${hcl(engine)}`,
    `  engine_version       = ${hcl(String(values.version))}`,
    `  node_type            = ${hcl(String(values.instanceSize))}`,
    '  port                 = 6379',
    `  parameter_group_name = ${hcl(
      `default.${family}${cluster ? '.cluster.on' : ''}`,
    )}`,
    ...(cluster
      ? [
          '  cluster_mode            = "enabled"',
          `  num_node_groups         = ${values.shards}`,
          `  replicas_per_node_group = ${members - 1}`,
        ]
      : [`  num_cache_clusters = ${members}`]),
    `  automatic_failover_enabled = ${values.failover}`,
    `  multi_az_enabled           = ${values.failover}`,
    '',
    '  subnet_group_name  = var.subnet_group_name',
    '  security_group_ids = [var.security_group_id]',
    '',
    '  at_rest_encryption_enabled = true',
    '  transit_encryption_enabled = true',
    ...(auth === 'password'
      ? ['  auth_token                 = var.auth_token']
      : [
          '  user_group_ids             = [aws_elasticache_user_group.main.user_group_id]',
        ]),
    '',
    `  snapshot_retention_limit = ${
      values.backup === 'snapshot' ? snapshotDays : 0
    }`,
    '  snapshot_window          = "02:00-03:00"',
    ...logs.flatMap(log =>
      ['slow-log', 'engine-log'].flatMap(type => [
        '',
        '  log_delivery_configuration {',
        `    destination      = ${
          log === 'cloudwatch-logs'
            ? 'aws_cloudwatch_log_group.cache.name'
            : 'var.firehose_stream_name'
        }`,
        `    destination_type = ${hcl(
          log === 'cloudwatch-logs' ? 'cloudwatch-logs' : 'kinesis-firehose',
        )}`,
        '    log_format       = "json"',
        `    log_type         = ${hcl(type)}`,
        '  }',
      ]),
    ),
    '',
    ...resourceTags(input),
    '}',
    '',
    ...(logs.includes('cloudwatch-logs')
      ? [
          'resource "aws_cloudwatch_log_group" "cache" {',
          `  name              = ${hcl(`/elasticache/${id}`)}`,
          '  retention_in_days = 30',
          '}',
          '',
        ]
      : []),
  ].join('\n');

  const userEngine = engine === 'valkey' ? 'VALKEY' : 'REDIS';
  const userResources: Record<string, string[]> = {
    acl: [
      'resource "aws_elasticache_user" "app" {',
      `  user_id       = ${hcl(`${id}-app`)}`,
      `  user_name     = ${hcl(`${request.name}-app`)}`,
      '  access_string = "on ~* +@all -@dangerous"',
      `  engine        = ${hcl(userEngine)}`,
      '',
      '  authentication_mode {',
      '    type      = "password"',
      '    passwords = [var.app_password]',
      '  }',
      '}',
      '',
    ],
    iam: [
      'resource "aws_elasticache_user" "app_iam" {',
      `  user_id       = ${hcl(`${id}-iam`)}`,
      `  user_name     = ${hcl(`${id}-iam`)}`,
      '  access_string = "on ~* +@all -@dangerous"',
      `  engine        = ${hcl(userEngine)}`,
      '',
      '  authentication_mode {',
      '    type = "iam"',
      '  }',
      '}',
      '',
    ],
  };
  const userIds: Record<string, string> = {
    acl: 'aws_elasticache_user.app.user_id',
    iam: 'aws_elasticache_user.app_iam.user_id',
  };
  const files: RenderedFile[] = [
    awsVersionsFile(DIR, input),
    {
      path: `${DIR}/variables.tf`,
      content: [
        header(
          '#',
          referenceTag,
          'The network, and secrets the pipeline provides.',
        ),
        ...stringVariables(['subnet_group_name', 'security_group_id']),
        ...(auth === 'password'
          ? [
              'variable "auth_token" {',
              '  type      = string',
              '  sensitive = true',
              '}',
              '',
            ]
          : []),
        ...(users.includes('acl')
          ? [
              'variable "app_password" {',
              '  type      = string',
              '  sensitive = true',
              '}',
              '',
            ]
          : []),
        ...(logs.includes('firehose-logs')
          ? stringVariables(['firehose_stream_name'])
          : []),
      ].join('\n'),
    },
    { path: `${DIR}/main.tf`, content: group },
  ];
  if (users.length > 0) {
    files.push({
      path: `${DIR}/users.tf`,
      content: [
        header(
          '#',
          referenceTag,
          'Named users, and a disabled default user as ElastiCache requires.',
        ),
        'resource "aws_elasticache_user" "default" {',
        `  user_id       = ${hcl(`${id}-default`)}`,
        '  user_name     = "default"',
        '  access_string = "off ~* -@all"',
        `  engine        = ${hcl(userEngine)}`,
        '',
        '  authentication_mode {',
        '    type = "no-password-required"',
        '  }',
        '}',
        '',
        ...users.flatMap(u => userResources[u]),
        'resource "aws_elasticache_user_group" "main" {',
        `  user_group_id = ${hcl(`${id}-users`)}`,
        `  engine        = ${hcl(userEngine)}`,
        `  user_ids      = [aws_elasticache_user.default.user_id, ${users
          .map(u => userIds[u])
          .join(', ')}]`,
        '}',
        '',
      ].join('\n'),
    });
  }
  return files;
}
