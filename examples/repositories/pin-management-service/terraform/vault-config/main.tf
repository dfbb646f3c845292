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
    key    = "pin-management-service/vault-config.tfstate"
    region = "eu-west-2"
  }
}

provider "vault" {
  address = "https://vault.pins.prod.fernhill.example:8200"
}

resource "vault_auth_backend" "kubernetes" {
  type = "kubernetes"
  path = "kubernetes"
}

resource "vault_jwt_auth_backend" "oidc" {
  path               = "oidc"
  type               = "oidc"
  oidc_discovery_url = "https://login.fernhill.example/oauth2/default"
  oidc_client_id     = var.oidc_client_id
  default_role       = "engineer"
}

resource "vault_audit" "file" {
  type    = "file"
  options = {
    file_path = "/vault/audit/vault_audit.log"
  }
}
