terraform {
  required_version = ">= 1.6"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.10"
    }
  }

  backend "azurerm" {
    resource_group_name  = "rg-terraform-state"
    storage_account_name = "fhterraformstate"
    container_name       = "tfstate"
    key                  = "suitability-report-service/azure-cache.tfstate"
  }
}

provider "azurerm" {
  features {}
}
