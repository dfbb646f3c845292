resource "mongodbatlas_third_party_integration" "datadog" {
  project_id = var.atlas_project_id
  type       = "DATADOG"
  api_key    = var.datadog_api_key
  region     = "EU"
}
