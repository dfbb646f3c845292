resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  engine                     = "redis"
  engine_version             = "7.1"
  automatic_failover_enabled = "perhaps"
}
