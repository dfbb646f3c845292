terraform {
  required_version = ">= 1.6"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.8"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  backend "gcs" {
    bucket = "fernhill-terraform-state"
    prefix = "feature-store-registry/cloudsql"
  }
}

provider "google" {
  project = var.project_id
  region  = "europe-west2"
}
