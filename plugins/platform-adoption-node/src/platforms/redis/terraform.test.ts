import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { loadHclParser } from '../../parsing/hcl';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { redisDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [redisDetector]);

beforeAll(() => loadHclParser());

// The provider documentation's cluster-mode example, with its users split out.
const CLUSTER_MODE = `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions-prod"
  description                = "web sessions"
  engine                     = "valkey"
  engine_version             = "8.0"
  node_type                  = "cache.r7g.large"
  parameter_group_name       = "default.valkey8.cluster.on"
  num_node_groups            = 3
  replicas_per_node_group    = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.sessions.user_group_id]
  snapshot_retention_limit   = 7
  snapshot_window            = "03:00-05:00"

  log_delivery_configuration {
    destination      = aws_cloudwatch_log_group.slow.name
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }
}
`;
const USERS = `resource "aws_elasticache_user" "default" {
  user_id       = "sessions-default"
  user_name     = "default"
  access_string = "off ~* +@all"
  engine        = "valkey"
  authentication_mode {
    type = "no-password-required"
  }
}

resource "aws_elasticache_user" "web" {
  user_id       = "sessions-web"
  user_name     = "web"
  access_string = "on ~session:* +@read +@write"
  engine        = "valkey"
  authentication_mode {
    type = "iam"
  }
}

resource "aws_elasticache_user_group" "sessions" {
  engine        = "valkey"
  user_group_id = "sessions"
  user_ids      = [aws_elasticache_user.default.user_id, aws_elasticache_user.web.user_id]
}

provider "aws" {
  region = "eu-west-1"
}
`;

describe('Redis from Amazon ElastiCache', () => {
  it('reads a cluster-mode Valkey replication group joined with its IAM users', () => {
    const deployment = onlyServer(
      detect({
        'infra/cache/main.tf': CLUSTER_MODE,
        'infra/cache/users.tf': USERS,
      }),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'aws-elasticache',
      provisioning: 'terraform',
      environment: 'production',
      distribution: 'valkey',
      version: '8.0',
      instanceSize: 'cache.r7g.large',
      region: 'eu-west-1',
      topology: 'cluster',
      shards: 3,
      replicas: 3,
      failover: true,
      tls: true,
      authentication: 'iam',
      persistence: 'none',
      backup: 'snapshot',
      backupTool: 'elasticache-snapshots',
      monitoring: 'cloudwatch-logs',
    });
    expect(deployment.files).toEqual([
      'infra/cache/main.tf',
      'infra/cache/users.tf',
    ]);
    expect(deployment.facets.authentication.evidence).toMatchObject({
      path: 'infra/cache/users.tf',
      line: lineOf(USERS, 'resource "aws_elasticache_user" "web"'),
    });
    expect(deployment.facets.backup.evidence).toMatchObject({
      line: lineOf(CLUSTER_MODE, 'snapshot_retention_limit'),
      note: 'daily snapshots kept 7 days',
    });
  });

  it('reads a replicated group with an AUTH token from a variable, and the documented defaults', () => {
    const result = detect({
      'envs/staging/redis.tf': `resource "aws_elasticache_replication_group" "cart" {
  replication_group_id = "cart"
  description          = "shopping carts"
  node_type            = var.node_type
  num_cache_clusters   = 2
  engine_version       = "7.x"
  auth_token           = var.redis_auth_token
  transit_encryption_enabled = true
  transit_encryption_mode    = "preferred"
}

variable "redis_auth_token" {
  type      = string
  sensitive = true
}
`,
    });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toMatchObject({
      environment: 'staging',
      distribution: 'redis',
      version: '7',
      instanceSize: UNKNOWN,
      topology: 'replicated',
      replicas: 2,
      failover: false,
      tls: false,
      authentication: 'password',
      backup: 'none',
      region: UNKNOWN,
    });
    expect(deployment.facets.failover.evidence.note).toBe(
      'automatic_failover_enabled defaults to false',
    );
    expect(deployment.facets.tls.evidence.note).toContain('preferred');
  });

  it('reads a lone cache cluster and a serverless cache, and leaves memcached alone', () => {
    const result = detect({
      'cache.tf': `resource "aws_elasticache_cluster" "rate_limits" {
  cluster_id      = "rate-limits-dev"
  engine          = "redis"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 1
  engine_version  = "7.1"
}

resource "aws_elasticache_cluster" "replica_member" {
  cluster_id           = "member"
  replication_group_id = aws_elasticache_replication_group.other.id
}

resource "aws_elasticache_cluster" "legacy" {
  cluster_id      = "legacy"
  engine          = "memcached"
  node_type       = "cache.t3.micro"
  num_cache_nodes = 2
}

resource "aws_elasticache_serverless_cache" "feature_flags" {
  engine               = "valkey"
  name                 = "feature-flags"
  major_engine_version = "8"
  snapshot_retention_limit = 1
}
`,
    });
    expect(result.deployments.map(d => d.name)).toEqual([
      'rate-limits-dev',
      'feature-flags',
    ]);
    const [lone, serverless] = result.deployments;
    expect(facetValues(lone)).toMatchObject({
      topology: 'standalone',
      replicas: 1,
      failover: false,
      tls: false,
      authentication: 'none',
      version: '7.1',
      environment: 'development',
    });
    expect(facetValues(serverless)).toMatchObject({
      distribution: 'valkey',
      version: '8',
      instanceSize: 'serverless',
      topology: 'cluster',
      shards: UNKNOWN,
      failover: true,
      tls: true,
      authentication: 'none',
      backup: 'snapshot',
    });
  });
});

describe('Redis from Memorystore', () => {
  it('reads a STANDARD_HA instance with AUTH, TLS and RDB persistence', () => {
    const MAIN = `resource "google_redis_instance" "catalog" {
  name           = "catalog-cache"
  tier           = "STANDARD_HA"
  memory_size_gb = 5
  region         = "europe-west2"
  redis_version  = "REDIS_7_2"
  auth_enabled   = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"
  replica_count      = 2
  read_replicas_mode = "READ_REPLICAS_ENABLED"

  persistence_config {
    persistence_mode    = "RDB"
    rdb_snapshot_period = "TWELVE_HOURS"
  }

  labels = {
    env = "prod"
  }
}
`;
    const deployment = onlyServer(detect({ 'gcp/redis.tf': MAIN }));
    expect(facetValues(deployment)).toEqual({
      hosting: 'gcp-memorystore',
      provisioning: 'terraform',
      environment: 'production',
      distribution: 'redis',
      version: '7.2',
      region: 'europe-west2',
      topology: 'replicated',
      replicas: 3,
      failover: true,
      instanceSize: 'standard_ha-5gb',
      authentication: 'password',
      tls: true,
      persistence: 'rdb',
      backup: 'none',
      backupTool: 'none',
      monitoring: 'none',
    });
    expect(deployment.facets.environment.evidence).toMatchObject({
      line: lineOf(MAIN, 'env = "prod"'),
    });
  });

  it('takes the defaults of a bare BASIC instance', () => {
    const deployment = onlyServer(
      detect({
        'main.tf': `resource "google_redis_instance" "cache" {
  name           = "memory-cache"
  memory_size_gb = 1
  redis_version  = "REDIS_6_X"
}
provider "google" {
  project = "fernhill-dev"
  region  = "europe-west2"
}
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: '6',
      topology: 'standalone',
      failover: false,
      authentication: 'none',
      tls: false,
      persistence: 'none',
      region: 'europe-west2',
      instanceSize: 'basic-1gb',
    });
  });
});

describe('Redis from Azure Cache for Redis', () => {
  it('reads a Premium cache with persistence, Entra ID and a diagnostic setting', () => {
    const MAIN = `resource "azurerm_redis_cache" "quotes" {
  name                 = "quotes-prod"
  location             = "UK South"
  resource_group_name  = azurerm_resource_group.main.name
  capacity             = 1
  family               = "P"
  sku_name             = "Premium"
  redis_version        = "6"
  minimum_tls_version  = "1.2"
  non_ssl_port_enabled = false
  replicas_per_primary = 2

  redis_configuration {
    rdb_backup_enabled                      = true
    rdb_backup_frequency                    = 60
    rdb_storage_connection_string           = azurerm_storage_account.redis.primary_blob_connection_string
    active_directory_authentication_enabled = true
  }
}
`;
    const DIAGNOSTICS = `resource "azurerm_monitor_diagnostic_setting" "quotes" {
  name                       = "quotes-diagnostics"
  target_resource_id         = azurerm_redis_cache.quotes.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
  enabled_log {
    category = "ConnectedClientList"
  }
}
`;
    const deployment = onlyServer(
      detect({ 'azure/redis.tf': MAIN, 'azure/monitoring.tf': DIAGNOSTICS }),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'azure-cache',
      provisioning: 'terraform',
      environment: 'production',
      distribution: 'redis',
      version: '6',
      region: 'uksouth',
      instanceSize: 'premium-p1',
      topology: 'replicated',
      replicas: 3,
      failover: true,
      tls: true,
      authentication: 'azure-ad+password',
      persistence: 'rdb',
      backup: 'none',
      backupTool: 'none',
      monitoring: 'azure-monitor',
    });
    expect(deployment.facets.monitoring.evidence).toMatchObject({
      path: 'azure/monitoring.tf',
    });
  });

  it('reads a Basic cache with the legacy non-SSL port open', () => {
    const deployment = onlyServer(
      detect({
        'dev/cache.tf': `resource "azurerm_redis_cache" "scratch" {
  name                = "scratch"
  location            = var.location
  resource_group_name = "rg-dev"
  capacity            = 0
  family              = "C"
  sku_name            = "Basic"
  enable_non_ssl_port = true
}
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      environment: 'development',
      instanceSize: 'basic-c0',
      topology: 'standalone',
      failover: false,
      tls: false,
      authentication: 'password',
      region: UNKNOWN,
      version: UNKNOWN,
    });
  });
});
