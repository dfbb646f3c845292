variable "atlas_project_id" {
  description = "Atlas project that holds the clusters."
  type        = string
}

variable "mongo_major_version" {
  description = "MongoDB major version of the cluster."
  type        = string
  default     = "7.0"
}

variable "datadog_api_key" {
  description = "Datadog API key for the Atlas integration."
  type        = string
  sensitive   = true
}
