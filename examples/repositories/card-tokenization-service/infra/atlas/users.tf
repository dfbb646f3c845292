resource "mongodbatlas_database_user" "tokenization_service" {
  project_id         = var.atlas_project_id
  username           = "CN=card-tokenization-service,OU=cards-platform,O=Fernhill Bank,C=GB"
  auth_database_name = "$external"
  x509_type          = "CUSTOMER"

  roles {
    role_name     = "readWrite"
    database_name = "tokens"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.tokens_prod.name
    type = "CLUSTER"
  }

  scopes {
    name = mongodbatlas_advanced_cluster.tokens_staging.name
    type = "CLUSTER"
  }
}
