terraform {
  required_version = ">= 1.6"

  required_providers {
    mongodbatlas = {
      source  = "mongodb/mongodbatlas"
      version = "~> 1.21"
    }
  }

  backend "s3" {
    bucket = "fernhill-terraform-state"
    key    = "kyc-evidence-service/atlas.tfstate"
    region = "eu-west-2"
  }
}

provider "mongodbatlas" {}
