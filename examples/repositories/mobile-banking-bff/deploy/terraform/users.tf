resource "mongodbatlas_database_user" "bff_service" {
  project_id         = var.atlas_project_id
  username           = "mobile-bff"
  password           = var.bff_service_password
  auth_database_name = "admin"

  roles {
    role_name     = "readWrite"
    database_name = "bff"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.bff.name
    type = "CLUSTER"
  }
}
