variable "atlas_project_id" {
  description = "Atlas project that holds the clusters."
  type        = string
}

variable "datadog_api_key" {
  description = "Datadog API key for the Atlas integration."
  type        = string
  sensitive   = true
}
