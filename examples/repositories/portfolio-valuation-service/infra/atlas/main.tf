resource "mongodbatlas_cluster" "valuations" {
  project_id   = var.atlas_project_id
  name         = "portfolio-valuations-prod"
  cluster_type = "REPLICASET"

  provider_name               = "AWS"
  provider_instance_size_name = "M30"

  replication_specs {
    num_shards = 1
    regions_config {
      region_name     = "EU_WEST_2"
      electable_nodes = 3
      priority        = 7
      read_only_nodes = 0
    }
  }

  mongo_db_major_version       = var.mongo_version
  cloud_backup                 = true
  pit_enabled                  = false
  auto_scaling_disk_gb_enabled = true

  advanced_configuration {
    minimum_enabled_tls_protocol = "TLS1_2"
  }

  tags {
    key   = "environment"
    value = "production"
  }

  tags {
    key   = "team"
    value = "portfolio-management"
  }
}
