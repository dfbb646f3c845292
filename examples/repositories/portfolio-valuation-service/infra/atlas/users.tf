resource "mongodbatlas_database_user" "valuation_service" {
  project_id         = var.atlas_project_id
  username           = var.valuation_service_role_arn
  auth_database_name = "$external"
  aws_iam_type       = "ROLE"

  roles {
    role_name     = "readWrite"
    database_name = "valuations"
  }

  scopes {
    name = mongodbatlas_cluster.valuations.name
    type = "CLUSTER"
  }
}
