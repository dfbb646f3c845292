// Redis and Redis-compatible servers as Fernhill's teams declare them:
// ElastiCache replication groups (with IAM user groups for one team),
// Memorystore and Azure Cache in Terraform, the OT-Container-Kit and
// Dragonfly operators, Bitnami's Valkey chart, and Compose for laptops.
import { attr, blank, block, map, str, tfFile } from '../hcl.mjs';
import { toYaml } from '../yaml.mjs';
import { backendAndProviders, variable } from './terraform.mjs';

function awsProviders(stateKey, region, environment) {
  return backendAndProviders({
    stateKey,
    providers: { aws: ['hashicorp/aws', '~> 5.70'] },
    providerBlocks: [
      block(
        'provider',
        ['aws'],
        [
          attr('region', str(region)),
          blank,
          block(
            'default_tags',
            [],
            [
              attr(
                'tags',
                map({
                  Environment: str(environment),
                  ManagedBy: str('terraform'),
                }),
              ),
            ],
          ),
        ],
      ),
    ],
  });
}

/**
 * An `aws_elasticache_replication_group` (cluster mode off), with an AUTH
 * token from Secrets Manager or, for IAM authentication, a user group.
 */
export function elasticacheReplicationGroup(d) {
  const f = d.facets;
  const iam = f.authentication === 'iam';
  const nodes = f.replicas;
  const group = block(
    'resource',
    ['aws_elasticache_replication_group', d.id],
    [
      attr('replication_group_id', str(d.name)),
      attr('description', str(d.description)),
      attr('engine', str('redis')),
      attr('engine_version', str(f.version)),
      attr('node_type', str(f.instanceSize)),
      attr('port', '6379'),
      attr(
        'parameter_group_name',
        str(`default.redis${f.version.split('.')[0]}`),
      ),
      attr('num_cache_clusters', String(nodes)),
      attr('automatic_failover_enabled', String(f.failover)),
      attr('multi_az_enabled', String(f.failover)),
      attr('subnet_group_name', 'aws_elasticache_subnet_group.cache.name'),
      attr('security_group_ids', '[aws_security_group.cache.id]'),
      blank,
      attr('at_rest_encryption_enabled', 'true'),
      attr('transit_encryption_enabled', String(f.tls)),
      f.authentication === 'password' &&
        attr(
          'auth_token',
          'data.aws_secretsmanager_secret_version.auth.secret_string',
        ),
      iam &&
        attr(
          'user_group_ids',
          `[aws_elasticache_user_group.${d.id}.user_group_id]`,
        ),
      blank,
      attr(
        'snapshot_retention_limit',
        f.backup === 'elasticache-snapshots' ? '7' : '0',
      ),
      attr('snapshot_window', str('02:00-03:00')),
      attr('maintenance_window', str('sun:04:00-sun:05:00')),
      f.monitoring === 'cloudwatch' && blank,
      f.monitoring === 'cloudwatch' &&
        block(
          'log_delivery_configuration',
          [],
          [
            attr('destination', 'aws_cloudwatch_log_group.slow_log.name'),
            attr('destination_type', str('cloudwatch-logs')),
            attr('log_format', str('json')),
            attr('log_type', str('slow-log')),
          ],
        ),
    ],
  );
  const support = [
    block(
      'resource',
      ['aws_elasticache_subnet_group', 'cache'],
      [
        attr('name', str(`${d.name}-subnets`)),
        attr('subnet_ids', 'var.private_subnet_ids'),
      ],
    ),
    block(
      'resource',
      ['aws_security_group', 'cache'],
      [attr('name', str(`${d.name}-cache`)), attr('vpc_id', 'var.vpc_id')],
    ),
    f.monitoring === 'cloudwatch' &&
      block(
        'resource',
        ['aws_cloudwatch_log_group', 'slow_log'],
        [
          attr('name', str(`/elasticache/${d.name}/slow-log`)),
          attr('retention_in_days', '14'),
        ],
      ),
    f.authentication === 'password' &&
      block(
        'data',
        ['aws_secretsmanager_secret_version', 'auth'],
        [attr('secret_id', str(`${d.name}/auth-token`))],
      ),
  ];
  const files = {
    [`${d.dir}/main.tf`]: tfFile(group, ...support),
    [`${d.dir}/variables.tf`]: tfFile(
      variable('vpc_id', 'VPC of the cache.'),
      variable('private_subnet_ids', 'Private subnets of the cache.', {
        type: 'list(string)',
      }),
    ),
    [`${d.dir}/providers.tf`]: tfFile(
      ...awsProviders(d.stateKey, f.region, d.environment),
    ),
  };
  if (iam) {
    // IAM users authenticate with their role; the default user is switched off.
    files[`${d.dir}/users.tf`] = tfFile(
      block(
        'resource',
        ['aws_elasticache_user', 'default'],
        [
          attr('user_id', str(`${d.name}-default`)),
          attr('user_name', str('default')),
          attr('access_string', str('off ~* -@all')),
          attr('engine', str('REDIS')),
          blank,
          block(
            'authentication_mode',
            [],
            [attr('type', str('no-password-required'))],
          ),
        ],
      ),
      block(
        'resource',
        ['aws_elasticache_user', 'service'],
        [
          attr('user_id', str(d.iamUser)),
          attr('user_name', str(d.iamUser)),
          attr('access_string', str('on ~* +@all -@dangerous')),
          attr('engine', str('REDIS')),
          blank,
          block('authentication_mode', [], [attr('type', str('iam'))]),
        ],
      ),
      block(
        'resource',
        ['aws_elasticache_user_group', d.id],
        [
          attr('engine', str('REDIS')),
          attr('user_group_id', str(`${d.name}-users`)),
          attr(
            'user_ids',
            '[aws_elasticache_user.default.user_id, aws_elasticache_user.service.user_id]',
          ),
        ],
      ),
    );
  }
  return { files, secrets: [] };
}

/** A Memorystore for Redis instance (STANDARD_HA, AUTH, TLS, RDB persistence). */
export function memorystoreInstance(d) {
  const f = d.facets;
  const instance = block(
    'resource',
    ['google_redis_instance', d.id],
    [
      attr('name', str(d.name)),
      attr('tier', str('STANDARD_HA')),
      attr('memory_size_gb', String(d.memoryGb)),
      attr('region', str(f.region)),
      attr('redis_version', str(`REDIS_${f.version.replace('.', '_')}`)),
      attr('auth_enabled', 'true'),
      attr('transit_encryption_mode', str('SERVER_AUTHENTICATION')),
      attr('authorized_network', 'data.google_compute_network.shared.id'),
      blank,
      block(
        'persistence_config',
        [],
        [
          attr('persistence_mode', str('RDB')),
          attr('rdb_snapshot_period', str('TWELVE_HOURS')),
        ],
      ),
      blank,
      attr(
        'labels',
        map({ environment: str(d.environment), team: str(d.owner) }),
      ),
    ],
  );
  const providers = backendAndProviders({
    stateKey: d.stateKey,
    backendKind: 'gcs',
    providers: { google: ['hashicorp/google', '~> 6.10'] },
    providerBlocks: [
      block(
        'provider',
        ['google'],
        [attr('project', str(d.project)), attr('region', str(f.region))],
      ),
    ],
  });
  const network = block(
    'data',
    ['google_compute_network', 'shared'],
    [attr('name', str('shared-vpc'))],
  );
  return {
    files: {
      [`${d.dir}/main.tf`]: tfFile(instance, network),
      [`${d.dir}/providers.tf`]: tfFile(...providers),
    },
    secrets: [],
  };
}

/** An Azure Cache for Redis, Standard tier, TLS only. */
export function azureRedisCache(d) {
  const f = d.facets;
  const cache = block(
    'resource',
    ['azurerm_redis_cache', d.id],
    [
      attr('name', str(d.name)),
      attr('location', str(d.location)),
      attr('resource_group_name', 'azurerm_resource_group.cache.name'),
      attr('capacity', '1'),
      attr('family', str('C')),
      attr('sku_name', str('Standard')),
      attr('redis_version', str(f.version)),
      attr('minimum_tls_version', str('1.2')),
      attr('non_ssl_port_enabled', 'false'),
      blank,
      attr(
        'tags',
        map({ environment: str(d.environment), team: str(d.owner) }),
      ),
    ],
  );
  const group = block(
    'resource',
    ['azurerm_resource_group', 'cache'],
    [attr('name', str(`rg-${d.name}`)), attr('location', str(d.location))],
  );
  const providers = backendAndProviders({
    stateKey: d.stateKey,
    backendKind: 'azurerm',
    providers: { azurerm: ['hashicorp/azurerm', '~> 4.10'] },
    providerBlocks: [
      block('provider', ['azurerm'], [block('features', [], [])]),
    ],
  });
  return {
    files: {
      [`${d.dir}/main.tf`]: tfFile(group, cache),
      [`${d.dir}/providers.tf`]: tfFile(...providers),
    },
    secrets: [],
  };
}

/** An OT-Container-Kit RedisReplication with the RedisSentinel that watches it. */
export function opstreeReplication(d) {
  const f = d.facets;
  const meta = name => ({
    name,
    namespace: d.namespace,
    labels: { environment: d.environment, team: d.owner },
  });
  const replication = {
    apiVersion: 'redis.redis.opstreelabs.in/v1beta2',
    kind: 'RedisReplication',
    metadata: meta(d.name),
    spec: {
      clusterSize: f.replicas,
      kubernetesConfig: {
        image: `quay.io/opstree/redis:v${f.version}`,
        imagePullPolicy: 'IfNotPresent',
        redisSecret: { name: `${d.name}-auth`, key: 'password' },
      },
      redisExporter: {
        enabled: f.monitoring === 'prometheus',
        image: 'quay.io/opstree/redis-exporter:v1.44.0',
      },
      storage: {
        volumeClaimTemplate: {
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '10Gi' } },
          },
        },
      },
    },
  };
  const sentinel = {
    apiVersion: 'redis.redis.opstreelabs.in/v1beta2',
    kind: 'RedisSentinel',
    metadata: meta(`${d.name}-sentinel`),
    spec: {
      clusterSize: 3,
      redisSentinelConfig: { redisReplicationName: d.name },
      kubernetesConfig: {
        image: `quay.io/opstree/redis-sentinel:v${f.version}`,
      },
    },
  };
  return {
    files: {
      [`${d.dir}/redis-replication.yaml`]: toYaml(replication),
      [`${d.dir}/redis-sentinel.yaml`]: toYaml(sentinel),
    },
    secrets: [],
  };
}

/** A Dragonfly (dragonflydb.io) with snapshots to a claimed volume. */
export function dragonfly(d) {
  const f = d.facets;
  const doc = {
    apiVersion: 'dragonflydb.io/v1alpha1',
    kind: 'Dragonfly',
    metadata: {
      name: d.name,
      namespace: d.namespace,
      labels: { environment: d.environment, team: d.owner },
    },
    spec: {
      image: `docker.dragonflydb.io/dragonflydb/dragonfly:v${f.version}`,
      replicas: f.replicas,
      args: ['--cluster_mode=emulated', '--dbfilename=dump'],
      authentication: {
        passwordFromSecret: { name: `${d.name}-auth`, key: 'password' },
      },
      snapshot: {
        cron: '*/30 * * * *',
        persistentVolumeClaimSpec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '5Gi' } },
        },
      },
      resources: { limits: { memory: '2Gi' } },
    },
  };
  return { files: { [`${d.dir}/dragonfly.yaml`]: toYaml(doc) }, secrets: [] };
}

/** Values for bitnami/valkey, base and environment overlay. */
export function bitnamiValkeyValues(d) {
  const f = d.facets;
  const base = {
    image: {
      registry: 'docker.io',
      repository: 'bitnami/valkey',
      tag: `${f.version}-debian-12-r2`,
    },
    architecture: 'replication',
    auth: { enabled: true, existingSecret: `${d.name}-auth` },
    primary: { persistence: { size: '8Gi', storageClass: 'gp3' } },
    metrics: { enabled: f.monitoring === 'prometheus' },
  };
  const overlay = {
    // Under Sentinel the chart runs replicaCount nodes in all; without it, a
    // primary and replicaCount replicas.
    replica: { replicaCount: f.failover ? f.replicas : f.replicas - 1 },
    sentinel: { enabled: f.failover },
    tls: { enabled: f.tls, autoGenerated: true },
  };
  return {
    files: {
      [`${d.dir}/values.yaml`]: toYaml(base),
      [`${d.dir}/values-${d.environment}.yaml`]: toYaml(overlay),
    },
    secrets: [],
  };
}

/** Compose for a laptop: the official images, a password on the command line. */
export function redisCompose(d) {
  const f = d.facets;
  const secrets = [];
  const flags = [];
  if (d.password) {
    flags.push('--requirepass', d.password);
    secrets.push({ path: d.file, value: d.password });
  }
  if (f.persistence === 'aof+rdb') flags.push('--appendonly', 'yes');
  const server = {
    image: d.image,
    command: [d.server, ...flags],
    ports: ['6379:6379'],
    volumes: f.persistence === 'none' ? undefined : ['cache-data:/data'],
  };
  const services = { cache: server };
  if (d.appService)
    services[d.repository] = {
      build: '.',
      depends_on: ['cache'],
      environment: {
        REDIS_URL: d.password
          ? `redis://:${d.password}@cache:6379/0`
          : 'redis://cache:6379/0',
      },
    };
  return {
    files: {
      [d.file]: toYaml({
        services,
        volumes: f.persistence === 'none' ? undefined : { 'cache-data': {} },
      }),
    },
    secrets,
  };
}
