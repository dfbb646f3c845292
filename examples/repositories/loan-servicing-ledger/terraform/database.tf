resource "aws_db_instance" "loans" {
  identifier            = "loan-servicing-prod"
  engine                = "postgres"
  engine_version        = "16.4"
  instance_class        = "db.r6g.large"
  allocated_storage     = 100
  max_allocated_storage = 500
  storage_type          = "gp3"
  storage_encrypted     = true

  db_name                             = "loans"
  username                            = "loans_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true

  multi_az               = true
  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = [var.db_security_group_id]
  parameter_group_name   = aws_db_parameter_group.loans.name

  backup_retention_period   = 14
  backup_window             = "01:00-02:00"
  maintenance_window        = "sun:03:00-sun:04:00"
  copy_tags_to_snapshot     = true
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "loan-servicing-prod-final"

  performance_insights_enabled          = true
  performance_insights_retention_period = 7
  monitoring_interval                   = 60
  monitoring_role_arn                   = var.rds_monitoring_role_arn
  enabled_cloudwatch_logs_exports       = ["postgresql", "upgrade"]
}

resource "aws_db_parameter_group" "loans" {
  name   = "loans-postgres16"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }
}

resource "aws_iam_policy" "loans_connect" {
  name   = "loan-servicing-prod-rds-connect"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["rds-db:connect"]
      Resource = ["arn:aws:rds-db:eu-west-2:${data.aws_caller_identity.current.account_id}:dbuser:${aws_db_instance.loans.resource_id}/loan_servicing_app"]
    }]
  })
}

data "aws_caller_identity" "current" {}
