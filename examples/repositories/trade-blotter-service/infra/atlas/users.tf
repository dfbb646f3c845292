resource "mongodbatlas_database_user" "blotter_service" {
  project_id         = var.atlas_project_id
  username           = "CN=trade-blotter-service,OU=trading-platform,O=Fernhill Bank,C=GB"
  auth_database_name = "$external"
  x509_type          = "CUSTOMER"

  roles {
    role_name     = "readWrite"
    database_name = "blotter"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.blotter.name
    type = "CLUSTER"
  }
}
