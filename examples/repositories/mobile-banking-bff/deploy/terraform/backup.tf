resource "mongodbatlas_cloud_backup_schedule" "bff" {
  project_id   = mongodbatlas_advanced_cluster.bff.project_id
  cluster_name = mongodbatlas_advanced_cluster.bff.name

  reference_hour_of_day    = 2
  reference_minute_of_hour = 30

  policy_item_hourly {
    frequency_interval = 6
    retention_unit     = "days"
    retention_value    = 3
  }

  policy_item_daily {
    frequency_interval = 1
    retention_unit     = "days"
    retention_value    = 14
  }

  policy_item_weekly {
    frequency_interval = 6
    retention_unit     = "weeks"
    retention_value    = 8
  }

  policy_item_monthly {
    frequency_interval = 40
    retention_unit     = "months"
    retention_value    = 12
  }
}
