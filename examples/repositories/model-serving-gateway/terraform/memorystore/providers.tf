terraform {
  required_version = ">= 1.6"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.10"
    }
  }

  backend "gcs" {
    bucket = "fernhill-terraform-state"
    prefix = "model-serving-gateway/memorystore"
  }
}

provider "google" {
  project = "fernhill-ml-prod"
  region  = "europe-west2"
}
