resource "aws_db_instance" "ledger" {
  engine         = "postgres"
  engine_version = "16.4"
  multi_az       = true
