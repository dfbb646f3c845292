resource "mongodbatlas_advanced_cluster" "tokens_prod" {
  project_id                     = var.atlas_project_id
  name                           = "card-tokens-prod"
  cluster_type                   = "REPLICASET"
  mongo_db_major_version         = var.mongo_major_version
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
    value = "cards-platform"
  }
}

resource "mongodbatlas_advanced_cluster" "tokens_staging" {
  project_id                     = var.atlas_project_id
  name                           = "card-tokens-staging"
  cluster_type                   = "REPLICASET"
  mongo_db_major_version         = var.mongo_major_version
  backup_enabled                 = true
  pit_enabled                    = false
  termination_protection_enabled = false

  replication_specs {
    region_configs {
      electable_specs {
        instance_size = "M10"
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
    value = "staging"
  }

  tags {
    key   = "team"
    value = "cards-platform"
  }
}
