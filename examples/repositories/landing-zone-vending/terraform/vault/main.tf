terraform {
  required_version = ">= 1.6"

  required_providers {
    vault = {
      source  = "hashicorp/vault"
      version = "~> 4.4"
    }
  }

  backend "s3" {
    bucket = "fernhill-terraform-state"
    key    = "landing-zone-vending/vault-staging.tfstate"
    region = "eu-west-2"
  }
}

provider "vault" {
  address = "https://vault.staging.fernhill.example:8200"
}

resource "vault_auth_backend" "approle" {
  type = "approle"
}

resource "vault_auth_backend" "kubernetes" {
  type = "kubernetes"
}

resource "vault_audit" "file" {
  type = "file"
}
