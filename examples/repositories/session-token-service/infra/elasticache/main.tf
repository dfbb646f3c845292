resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "session-tokens-prod"
  description                = "session-tokens cache for session-token-service"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.r7g.large"
  port                       = 6379
  parameter_group_name       = "default.redis7"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = aws_elasticache_subnet_group.cache.name
  security_group_ids         = [aws_security_group.cache.id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  user_group_ids             = [aws_elasticache_user_group.cache.user_group_id]

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
  name       = "session-tokens-prod-subnets"
  subnet_ids = var.private_subnet_ids
}

resource "aws_security_group" "cache" {
  name   = "session-tokens-prod-cache"
  vpc_id = var.vpc_id
}

resource "aws_cloudwatch_log_group" "slow_log" {
  name              = "/elasticache/session-tokens-prod/slow-log"
  retention_in_days = 14
}
