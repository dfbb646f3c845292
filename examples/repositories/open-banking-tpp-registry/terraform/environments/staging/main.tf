resource "aws_db_instance" "registry" {
  identifier            = "tpp-registry-stg"
  engine                = "postgres"
  engine_version        = "16.3"
  instance_class        = "db.t4g.medium"
  allocated_storage     = 100
  max_allocated_storage = 500
  storage_type          = "gp3"
  storage_encrypted     = true

  db_name                             = "registry"
  username                            = "registry_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = false

  multi_az               = false
  db_subnet_group_name   = var.db_subnet_group_name
  vpc_security_group_ids = [var.db_security_group_id]
  parameter_group_name   = aws_db_parameter_group.registry.name

  backup_retention_period = 7
  backup_window           = "01:00-02:00"
  maintenance_window      = "sun:03:00-sun:04:00"
  copy_tags_to_snapshot   = true
  deletion_protection     = false
  skip_final_snapshot     = true

  performance_insights_enabled    = false
  monitoring_interval             = 0
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}

resource "aws_db_parameter_group" "registry" {
  name   = "registry-postgres16"
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
