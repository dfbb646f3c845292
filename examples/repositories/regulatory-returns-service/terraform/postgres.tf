resource "azurerm_postgresql_flexible_server" "main" {
  name                = "fh-regreturns-prod-psql"
  resource_group_name = var.resource_group_name
  location            = "uksouth"
  version             = "16"
  sku_name            = "GP_Standard_D4ds_v5"
  storage_mb          = 131072
  zone                = "1"

  delegated_subnet_id           = var.delegated_subnet_id
  private_dns_zone_id           = var.private_dns_zone_id
  public_network_access_enabled = false

  backup_retention_days        = 14
  geo_redundant_backup_enabled = true

  administrator_login    = "returns_admin"
  administrator_password = var.administrator_password

  authentication {
    active_directory_auth_enabled = false
    password_auth_enabled         = true
  }

  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = "2"
  }

  tags = {
    environment = "production"
    team        = "regulatory-reporting"
  }
}

resource "azurerm_postgresql_flexible_server_configuration" "require_secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "on"
}

resource "azurerm_monitor_diagnostic_setting" "main" {
  name                       = "fh-regreturns-prod-psql-diagnostics"
  target_resource_id         = azurerm_postgresql_flexible_server.main.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category = "PostgreSQLLogs"
  }

  metric {
    category = "AllMetrics"
  }
}
