resource "aws_rds_cluster" "decisions" {
  cluster_identifier                  = "credit-decisions-prod"
  engine                              = "aurora-postgresql"
  engine_version                      = "16.4"
  database_name                       = "decisions"
  master_username                     = "decisions_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = false

  db_subnet_group_name            = var.db_subnet_group_name
  vpc_security_group_ids          = [var.db_security_group_id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.decisions.name
  storage_encrypted               = true

  backup_retention_period   = 14
  preferred_backup_window   = "01:00-02:00"
  copy_tags_to_snapshot     = true
  deletion_protection       = true
  final_snapshot_identifier = "credit-decisions-prod-final"
}

resource "aws_rds_cluster_instance" "decisions" {
  count                        = 2
  identifier                   = "credit-decisions-prod-${count.index}"
  cluster_identifier           = aws_rds_cluster.decisions.id
  instance_class               = "db.r6g.xlarge"
  engine                       = aws_rds_cluster.decisions.engine
  engine_version               = aws_rds_cluster.decisions.engine_version
  performance_insights_enabled = true
  monitoring_interval          = 60
  monitoring_role_arn          = var.rds_monitoring_role_arn
}

resource "aws_rds_cluster_parameter_group" "decisions" {
  name   = "decisions-aurora-postgresql16"
  family = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }
}
