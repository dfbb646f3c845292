resource "google_redis_instance" "model_cache" {
  name                    = "model-cache-prod"
  tier                    = "STANDARD_HA"
  memory_size_gb          = 5
  region                  = "europe-west2"
  redis_version           = "REDIS_7_2"
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"
  authorized_network      = data.google_compute_network.shared.id

  persistence_config {
    persistence_mode    = "RDB"
    rdb_snapshot_period = "TWELVE_HOURS"
  }

  labels = {
    environment = "production"
    team        = "ml-platform"
  }
}

data "google_compute_network" "shared" {
  name = "shared-vpc"
}
