resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "fx-rates-prod"
  description                = "fx-rates cache for fx-rates-service"
  engine                     = "redis"
  engine_version             = "5.0.6"
  node_type                  = "cache.r7g.large"
  port                       = 6379
  parameter_group_name       = "default.redis5"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = aws_elasticache_subnet_group.cache.name
  security_group_ids         = [aws_security_group.cache.id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = data.aws_secretsmanager_secret_version.auth.secret_string

  snapshot_retention_limit = 7
  snapshot_window          = "02:00-03:00"
  maintenance_window       = "sun:04:00-sun:05:00"

  log_delivery_configuration {
    destination      = aws_cloudwatch_log_group.slow_log.name
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }
}

resource "aws_elasticache_subnet_group" "cache" {
  name       = "fx-rates-prod-subnets"
  subnet_ids = var.private_subnet_ids
}

resource "aws_security_group" "cache" {
  name   = "fx-rates-prod-cache"
  vpc_id = var.vpc_id
}

resource "aws_cloudwatch_log_group" "slow_log" {
  name              = "/elasticache/fx-rates-prod/slow-log"
  retention_in_days = 14
}

data "aws_secretsmanager_secret_version" "auth" {
  secret_id = "fx-rates-prod/auth-token"
}
