variable "atlas_project_id" {
  description = "Atlas project that holds the clusters."
  type        = string
}
