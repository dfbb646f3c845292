resource "mongodbatlas_third_party_integration" "prometheus" {
  project_id        = var.atlas_project_id
  type              = "PROMETHEUS"
  user_name         = "prometheus"
  password          = var.prometheus_scrape_password
  service_discovery = "http"
  enabled           = true
}
