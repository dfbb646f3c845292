terraform {
  required_version = ">= 1.6"

  required_providers {
    confluent = {
      source  = "confluentinc/confluent"
      version = "~> 2.12"
    }
  }

  backend "s3" {
    bucket = "fernhill-terraform-state"
    key    = "next-best-action-service/confluent.tfstate"
    region = "eu-west-2"
  }
}

provider "confluent" {
  cloud_api_key    = var.confluent_cloud_api_key
  cloud_api_secret = var.confluent_cloud_api_secret
}

variable "confluent_cloud_api_key" {
  description = "Cloud API key."
  type        = string
  sensitive   = true
}

variable "confluent_cloud_api_secret" {
  description = "Cloud API secret."
  type        = string
  sensitive   = true
}
