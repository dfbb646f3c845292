resource "mongodbatlas_advanced_cluster" "orders" {
  project_id             = "p-1"
  name                   = "orders"
  cluster_type           = "REPLICASET"
  mongo_db_major_version = true
}
