resource "aws_elasticache_user" "default" {
  user_id       = "session-tokens-prod-default"
  user_name     = "default"
  access_string = "off ~* -@all"
  engine        = "REDIS"

  authentication_mode {
    type = "no-password-required"
  }
}

resource "aws_elasticache_user" "service" {
  user_id       = "session-token-service"
  user_name     = "session-token-service"
  access_string = "on ~* +@all -@dangerous"
  engine        = "REDIS"

  authentication_mode {
    type = "iam"
  }
}

resource "aws_elasticache_user_group" "cache" {
  engine        = "REDIS"
  user_group_id = "session-tokens-prod-users"
  user_ids      = [aws_elasticache_user.default.user_id, aws_elasticache_user.service.user_id]
}
