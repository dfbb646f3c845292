variable "atlas_project_id" {
  description = "Atlas project that holds the clusters."
  type        = string
}

variable "mongo_version" {
  description = "MongoDB major version of the cluster."
  type        = string
}

variable "documents_service_password" {
  description = "Password of the application database user."
  type        = string
  sensitive   = true
}
