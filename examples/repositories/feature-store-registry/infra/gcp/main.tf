resource "google_sql_database_instance" "registry" {
  name                = "feature-store-prod"
  database_version    = "POSTGRES_15"
  region              = "europe-west2"
  deletion_protection = true

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
    disk_type         = "PD_SSD"
    disk_size         = 100
    disk_autoresize   = true

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
      start_time                     = "01:00"
      transaction_log_retention_days = 7

      backup_retention_settings {
        retained_backups = 14
        retention_unit   = "COUNT"
      }
    }

    ip_configuration {
      ipv4_enabled    = false
      private_network = var.vpc_self_link
      require_ssl     = true
    }

    insights_config {
      query_insights_enabled  = true
      record_application_tags = true
    }

    database_flags {
      name  = "log_min_duration_statement"
      value = "500"
    }

    user_labels = {
      environment = "production"
      team        = "ml-platform"
    }
  }
}

resource "google_sql_database" "registry" {
  name     = "features"
  instance = google_sql_database_instance.registry.name
}

resource "google_sql_user" "app" {
  name     = "registry"
  instance = google_sql_database_instance.registry.name
  password = random_password.app.result
}

resource "random_password" "app" {
  length  = 32
  special = true
}
