resource "mongodbatlas_database_user" "case_manager" {
  project_id         = var.atlas_project_id
  username           = "CN=fraud-case-manager,OU=fraud-detection,O=Fernhill Bank,C=GB"
  auth_database_name = "$external"
  x509_type          = "CUSTOMER"

  roles {
    role_name     = "readWrite"
    database_name = "cases"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.fraud_cases.name
    type = "CLUSTER"
  }
}
