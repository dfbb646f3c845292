resource "mongodbatlas_database_user" "documents_service" {
  project_id         = var.atlas_project_id
  username           = "loan-documents"
  password           = var.documents_service_password
  auth_database_name = "admin"

  roles {
    role_name     = "readWrite"
    database_name = "documents"
  }

  scopes {
    name = mongodbatlas_cluster.documents.name
    type = "CLUSTER"
  }
}
