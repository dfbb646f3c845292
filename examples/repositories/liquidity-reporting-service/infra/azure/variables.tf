variable "resource_group_name" {
  description = "Resource group of the service."
  type        = string
}

variable "delegated_subnet_id" {
  description = "Subnet delegated to flexible servers."
  type        = string
}

variable "private_dns_zone_id" {
  description = "Private DNS zone for the server."
  type        = string
}

variable "administrator_password" {
  description = "Administrator password, from Key Vault."
  type        = string
  sensitive   = true
}

variable "log_analytics_workspace_id" {
  description = "Workspace that receives diagnostics."
  type        = string
}
