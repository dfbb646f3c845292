variable "atlas_project_id" {
  description = "Atlas project that holds the clusters."
  type        = string
}

variable "mongo_version" {
  description = "MongoDB major version of the cluster."
  type        = string
  default     = "7.0"
}

variable "valuation_service_role_arn" {
  description = "IAM role the service assumes to reach MongoDB."
  type        = string
}

variable "datadog_api_key" {
  description = "Datadog API key for the Atlas integration."
  type        = string
  sensitive   = true
}
