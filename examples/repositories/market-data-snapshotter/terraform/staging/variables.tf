variable "kafka_version" {
  description = "Kafka release the brokers run."
  type        = string
  default     = "3.6.0"
}

variable "vpc_id" {
  description = "VPC of the brokers."
  type        = string
}

variable "subnet_a" {
  description = "Private subnet in availability zone a."
  type        = string
}

variable "subnet_b" {
  description = "Private subnet in availability zone b."
  type        = string
}

variable "subnet_c" {
  description = "Private subnet in availability zone c."
  type        = string
}
