resource "mongodbatlas_cluster" "documents" {
  project_id   = var.atlas_project_id
  name         = "loan-documents-prod"
  cluster_type = "REPLICASET"

  provider_name               = "AWS"
  provider_instance_size_name = "M30"
  provider_region_name        = "EU_WEST_2"

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
    value = "personal-lending"
  }
}
