variable "project_id" {
  description = "GCP project of the service."
  type        = string
}

variable "vpc_self_link" {
  description = "Shared VPC the instance gets a private IP in."
  type        = string
}
