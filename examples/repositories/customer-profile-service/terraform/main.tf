resource "mongodbatlas_advanced_cluster" "profiles" {
  project_id                     = var.atlas_project_id
  name                           = "customer-profiles-prod"
  cluster_type                   = "REPLICASET"
  mongo_db_major_version         = "7.0"
  backup_enabled                 = true
  pit_enabled                    = false
  termination_protection_enabled = true

  replication_specs {
    region_configs {
      electable_specs {
        instance_size = "M30"
        node_count    = 3
      }
      auto_scaling {
        disk_gb_enabled = true
      }
      provider_name = "AWS"
      priority      = 7
      region_name   = "EU_WEST_2"
    }
  }

  advanced_configuration {
    minimum_enabled_tls_protocol = "TLS1_2"
    javascript_enabled           = false
  }

  tags {
    key   = "environment"
    value = "production"
  }

  tags {
    key   = "team"
    value = "customer-identity"
  }
}

resource "mongodbatlas_cloud_backup_schedule" "profiles" {
  project_id   = mongodbatlas_advanced_cluster.profiles.project_id
  cluster_name = mongodbatlas_advanced_cluster.profiles.name

  reference_hour_of_day    = 2
  reference_minute_of_hour = 30

  policy_item_hourly {
    frequency_interval = 6
    retention_unit     = "days"
    retention_value    = 3
  }

  policy_item_daily {
    frequency_interval = 1
    retention_unit     = "days"
    retention_value    = 14
  }

  policy_item_weekly {
    frequency_interval = 6
    retention_unit     = "weeks"
    retention_value    = 8
  }

  policy_item_monthly {
    frequency_interval = 40
    retention_unit     = "months"
    retention_value    = 12
  }
}

resource "mongodbatlas_database_user" "profile_service" {
  project_id         = var.atlas_project_id
  username           = var.profile_service_role_arn
  auth_database_name = "$external"
  aws_iam_type       = "ROLE"

  roles {
    role_name     = "readWrite"
    database_name = "profiles"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.profiles.name
    type = "CLUSTER"
  }
}

resource "mongodbatlas_third_party_integration" "datadog" {
  project_id = var.atlas_project_id
  type       = "DATADOG"
  api_key    = var.datadog_api_key
  region     = "EU"
}
