resource "mongodbatlas_cluster" "evidence" {
  project_id   = var.atlas_project_id
  name         = "kyc-evidence"
  cluster_type = "REPLICASET"

  provider_name               = "AWS"
  provider_instance_size_name = "M30"
  provider_region_name        = "EU_WEST_2"

  mongo_db_major_version       = "4.4"
  cloud_backup                 = true
  pit_enabled                  = false
  auto_scaling_disk_gb_enabled = true

  advanced_configuration {
    minimum_enabled_tls_protocol = "TLS1_2"
  }

  labels {
    key   = "environment"
    value = "production"
  }

  labels {
    key   = "team"
    value = "kyc-onboarding"
  }
}

resource "mongodbatlas_database_user" "evidence_service" {
  project_id         = var.atlas_project_id
  username           = "kyc-evidence"
  password           = "KycEvid3nce-Atlas-2021!"
  auth_database_name = "admin"

  roles {
    role_name     = "readWrite"
    database_name = "evidence"
  }

  scopes {
    name = mongodbatlas_cluster.evidence.name
    type = "CLUSTER"
  }
}
