variable "atlas_project_id" {
  description = "Atlas project that holds the clusters."
  type        = string
}

variable "consent_service_password" {
  description = "Password of the application database user."
  type        = string
  sensitive   = true
}

variable "prometheus_scrape_password" {
  description = "Password Prometheus uses to scrape Atlas."
  type        = string
  sensitive   = true
}
