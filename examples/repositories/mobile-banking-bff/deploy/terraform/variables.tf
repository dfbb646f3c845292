variable "atlas_project_id" {
  description = "Atlas project that holds the clusters."
  type        = string
}

variable "bff_service_password" {
  description = "Password of the application database user."
  type        = string
  sensitive   = true
}

variable "datadog_api_key" {
  description = "Datadog API key for the Atlas integration."
  type        = string
  sensitive   = true
}
