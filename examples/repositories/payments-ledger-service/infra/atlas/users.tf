resource "mongodbatlas_database_user" "ledger_service" {
  project_id         = var.atlas_project_id
  username           = "CN=payments-ledger-service,OU=payments-core,O=Fernhill Bank,C=GB"
  auth_database_name = "$external"
  x509_type          = "CUSTOMER"

  roles {
    role_name     = "readWrite"
    database_name = "ledger"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.ledger.name
    type = "CLUSTER"
  }
}
