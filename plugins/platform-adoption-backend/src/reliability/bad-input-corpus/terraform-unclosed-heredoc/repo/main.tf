resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "cache"
  engine               = "redis"
  description          = <<EOT
session cache
