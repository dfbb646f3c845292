resource "aws_msk_cluster" "snapshots" {
  cluster_name           = "market-snapshots-staging"
  kafka_version          = var.kafka_version
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = [var.subnet_a, var.subnet_b, var.subnet_c]
    security_groups = [aws_security_group.msk.id]

    storage_info {
      ebs_storage_info {
        volume_size = 500
      }
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
  }

  client_authentication {
    sasl {
      iam = true
    }
  }

  open_monitoring {
    prometheus {
      jmx_exporter {
        enabled_in_broker = true
      }
      node_exporter {
        enabled_in_broker = true
      }
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.msk.name
      }
    }
  }
}

resource "aws_kms_key" "msk" {
  description         = "market-snapshots-staging data at rest"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "msk" {
  name              = "/msk/market-snapshots-staging"
  retention_in_days = 30
}

resource "aws_security_group" "msk" {
  name   = "market-snapshots-staging-msk"
  vpc_id = var.vpc_id
}
