resource "azurerm_resource_group" "cache" {
  name     = "rg-suitability-drafts-staging"
  location = "UK South"
}

resource "azurerm_redis_cache" "drafts" {
  name                 = "suitability-drafts-staging"
  location             = "UK South"
  resource_group_name  = azurerm_resource_group.cache.name
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  redis_version        = "6"
  minimum_tls_version  = "1.2"
  non_ssl_port_enabled = false

  tags = {
    environment = "staging"
    team        = "financial-advice"
  }
}
