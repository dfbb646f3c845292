resource "mongodbatlas_database_user" "tick_writer" {
  project_id         = var.atlas_project_id
  username           = "CN=market-data-tick-store,OU=market-data,O=Fernhill Bank,C=GB"
  auth_database_name = "$external"
  x509_type          = "CUSTOMER"

  roles {
    role_name     = "readWrite"
    database_name = "ticks"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.ticks.name
    type = "CLUSTER"
  }
}
