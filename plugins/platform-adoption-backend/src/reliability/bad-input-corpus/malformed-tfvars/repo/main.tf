variable "engine_version" {}
resource "aws_db_instance" "ledger" {
  engine         = "postgres"
  engine_version = var.engine_version
}
