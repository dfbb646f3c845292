resource "confluent_environment" "development" {
  display_name = "Development"
}

resource "confluent_kafka_cluster" "sandbox" {
  display_name = "nba-sandbox"
  availability = "SINGLE_ZONE"
  cloud        = "AWS"
  region       = "eu-west-2"

  basic {}

  environment {
    id = confluent_environment.development.id
  }
}
