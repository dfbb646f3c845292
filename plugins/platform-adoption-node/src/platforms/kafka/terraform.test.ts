import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { loadHclParser } from '../../parsing/hcl';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { kafkaDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [kafkaDetector]);

beforeAll(() => loadHclParser());

// The provider documentation's example, split the way modules are.
const MSK_MAIN = `resource "aws_msk_cluster" "events" {
  cluster_name           = "events-\${var.environment}"
  kafka_version          = var.kafka_version
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = [aws_subnet.az1.id, aws_subnet.az2.id, aws_subnet.az3.id]
    security_groups = [aws_security_group.msk.id]
    storage_info {
      ebs_storage_info {
        volume_size = 1000
      }
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
  }

  client_authentication {
    sasl {
      iam   = true
      scram = true
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

  tags = {
    Team = "streaming"
  }
}
`;
const MSK_VARIABLES = `variable "environment" {
  type    = string
  default = "prod"
}

variable "kafka_version" {
  type    = string
  default = "3.6.0"
}
`;
const MSK_PROVIDER = `provider "aws" {
  region = "eu-west-2"
  default_tags {
    tags = {
      Environment = "production"
    }
  }
}
`;

describe('Kafka from Amazon MSK', () => {
  it('reads a provisioned cluster whose values come from variables and provider settings', () => {
    const result = detect({
      'infra/msk/main.tf': MSK_MAIN,
      'infra/msk/variables.tf': MSK_VARIABLES,
      'infra/msk/providers.tf': MSK_PROVIDER,
    });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toEqual({
      hosting: 'aws-msk',
      provisioning: 'terraform',
      environment: 'production',
      version: '3.6.0',
      mode: 'zookeeper',
      brokers: 3,
      instanceSize: 'kafka.m7g.large',
      storage: 'persistent',
      availability: 'multi-zone',
      region: 'eu-west-2',
      tls: true,
      authentication: 'iam+scram',
      monitoring: 'cloudwatch-logs+prometheus',
    });
    expect(deployment.name).toBe('events-prod');
    expect(deployment.facets.version.evidence).toMatchObject({
      path: 'infra/msk/variables.tf',
      line: lineOf(MSK_VARIABLES, 'default = "3.6.0"'),
    });
    expect(deployment.facets.tls.evidence.note).toContain(
      'client_broker defaults to TLS',
    );
    expect(deployment.facets.environment.evidence).toMatchObject({
      path: 'infra/msk/providers.tf',
      note: 'provider default tag Environment "production"',
    });
  });

  it('reads plaintext, anonymous access and a KRaft release', () => {
    const deployment = onlyServer(
      detect({
        'terraform/staging/msk.tf': `resource "aws_msk_cluster" "clickstream" {
  cluster_name           = "clickstream"
  kafka_version          = "3.7.x.kraft"
  number_of_broker_nodes = 2
  enhanced_monitoring    = "PER_TOPIC_PER_BROKER"

  broker_node_group_info {
    instance_type   = "kafka.t3.small"
    client_subnets  = [var.subnet_a, var.subnet_b]
    security_groups = [var.security_group]
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
      in_cluster    = true
    }
  }

  client_authentication {
    unauthenticated = true
    sasl {
      scram = true
    }
  }
}
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      environment: 'staging',
      version: '3.7',
      mode: 'kraft',
      brokers: 2,
      availability: 'multi-zone',
      tls: false,
      authentication: 'none',
      monitoring: 'enhanced-monitoring',
      region: UNKNOWN,
    });
    expect(deployment.facets.version.evidence.note).toBe('written 3.7.x.kraft');
    expect(deployment.facets.authentication.evidence.note).toContain(
      'unauthenticated access enabled',
    );
  });

  it('takes a cluster without client_authentication as open to anonymous clients', () => {
    const deployment = onlyServer(
      detect({
        'main.tf': `resource "aws_msk_cluster" "legacy" {
  cluster_name           = "legacy-dev"
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.brokers
  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = module.vpc.private_subnets
    security_groups = [aws_security_group.kafka.id]
  }
}
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      environment: 'development',
      version: UNKNOWN,
      mode: UNKNOWN,
      brokers: UNKNOWN,
      availability: UNKNOWN,
      tls: true,
      authentication: 'none',
      monitoring: 'none',
    });
  });

  it('reads MSK Serverless', () => {
    const deployment = onlyServer(
      detect({
        'msk.tf': `resource "aws_msk_serverless_cluster" "telemetry" {
  cluster_name = "telemetry-prod"
  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = [aws_security_group.msk.id]
  }
  client_authentication {
    sasl {
      iam {
        enabled = true
      }
    }
  }
}
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      hosting: 'aws-msk',
      environment: 'production',
      version: UNKNOWN,
      instanceSize: 'serverless',
      tls: true,
      authentication: 'iam',
      availability: 'multi-zone',
    });
  });
});

const CONFLUENT = `resource "confluent_environment" "prod" {
  display_name = "Production"
}

resource "confluent_kafka_cluster" "orders" {
  display_name = "orders"
  availability = "MULTI_ZONE"
  cloud        = "AWS"
  region       = "eu-west-2"

  dedicated {
    cku = 2
  }

  environment {
    id = confluent_environment.prod.id
  }
}

resource "confluent_kafka_cluster" "sandbox" {
  display_name = "sandbox"
  availability = "SINGLE_ZONE"
  cloud        = "GCP"
  region       = "europe-west2"
  basic {}

  environment {
    id = var.confluent_environment_id
  }
}
`;

describe('Kafka from Confluent Cloud', () => {
  it('reads clusters with their type, availability and Confluent environment', () => {
    const result = detect({ 'confluent/main.tf': CONFLUENT });
    const [orders, sandbox] = result.deployments;
    expect(facetValues(orders)).toEqual({
      hosting: 'confluent-cloud',
      provisioning: 'terraform',
      environment: 'production',
      version: UNKNOWN,
      instanceSize: 'dedicated-2cku',
      availability: 'multi-zone',
      region: 'eu-west-2',
      storage: 'persistent',
      tls: true,
      authentication: 'api-key',
      monitoring: 'none',
    });
    expect(orders.facets.environment.evidence).toMatchObject({
      line: lineOf(CONFLUENT, 'display_name = "Production"'),
      note: 'Confluent environment "Production"',
    });
    expect(facetValues(sandbox)).toMatchObject({
      instanceSize: 'basic',
      availability: 'single-zone',
      region: 'europe-west2',
      environment: 'development',
    });
    expect(sandbox.facets.environment.evidence.note).toBe('name "sandbox"');
  });
});
