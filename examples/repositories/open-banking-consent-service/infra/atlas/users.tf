resource "mongodbatlas_database_user" "consent_service" {
  project_id         = var.atlas_project_id
  username           = "consent-service"
  password           = var.consent_service_password
  auth_database_name = "admin"

  roles {
    role_name     = "readWrite"
    database_name = "consents"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.consents.name
    type = "CLUSTER"
  }
}
