variable "db_subnet_group_name" {
  description = "Subnet group from the landing zone."
  type        = string
}

variable "db_security_group_id" {
  description = "Security group allowing the service to reach the database."
  type        = string
}

variable "rds_monitoring_role_arn" {
  description = "Role RDS Enhanced Monitoring publishes with."
  type        = string
}
