import {
  count,
  fixed,
  methods,
  methodsOf,
  oneOfValues,
  text,
  version,
} from '../../rendering/capabilities';
import {
  awsRegion,
  awsVersionsFile,
  resourceTags,
  stringVariables,
} from '../../rendering/terraform';
import { hcl, header, shortEnvironment } from '../../rendering/text';
import {
  FormRenderInput,
  RenderedFile,
  RenderForm,
} from '../../rendering/types';

const DIR = 'infra/msk';
/** MSK puts the same number of brokers in each of the three zones of its subnets. */
const ZONES = 3;

/**
 * Amazon MSK (provisioned) with the `hashicorp/aws` provider: brokers
 * spread over three zones, TLS between clients and brokers, the SASL/TLS
 * client authentication the reference names, and its monitoring.
 */
export const mskTerraformForm: RenderForm = {
  id: 'msk-terraform',
  title: 'Amazon MSK (Terraform)',
  resourceTags: ['aws', 'msk'],
  facets: {
    provisioning: fixed('terraform'),
    // MSK takes a release line (`3.9.x`), its KRaft flavour written `3.9.x.kraft`.
    version: version({
      known: ['3.7', '3.8', '3.9'],
      writable: v => /^\d+\.\d+$/.test(v),
    }),
    mode: oneOfValues(['kraft', 'zookeeper']),
    brokers: count({ min: ZONES, max: 30, preferred: [ZONES, 2 * ZONES] }),
    storage: fixed('persistent'),
    availability: fixed('multi-zone'),
    instanceSize: text({
      pattern: /^kafka\.[a-z0-9]+\.[a-z0-9]+$/,
      requested: ({ request }) => request.size?.trim().toLowerCase(),
      fallback: ({ request }) =>
        request.environment === 'production'
          ? 'kafka.m7g.large'
          : 'kafka.t3.small',
    }),
    region: awsRegion(),
    authentication: methods({
      methods: ['iam', 'scram', 'x509'],
      preferred: ['iam'],
      allowNone: false,
    }),
    // SASL and certificate authentication need TLS on MSK.
    tls: fixed(true),
    monitoring: methods({
      methods: ['cloudwatch-logs', 'enhanced-monitoring', 'prometheus'],
      preferred: ['prometheus'],
      allowNone: true,
    }),
  },
  conflict(values) {
    if ('brokers' in values && Number(values.brokers) % ZONES !== 0) {
      return `MSK needs a multiple of ${ZONES} brokers, the same number in each zone`;
    }
    if (
      values.mode === 'zookeeper' &&
      'version' in values &&
      Number(String(values.version).split('.')[0]) >= 4
    ) {
      return 'Kafka 4 has no ZooKeeper mode';
    }
    return undefined;
  },
  render: renderMsk,
};

function renderMsk(input: FormRenderInput): RenderedFile[] {
  const { request, values, referenceTag } = input;
  const name = `${request.name}-${shortEnvironment(request.environment)}`;
  const auth = methodsOf(values.authentication);
  const monitoring = methodsOf(values.monitoring);
  const release = `${values.version}.x${
    values.mode === 'kraft' ? '.kraft' : ''
  }`;
  const main = [
    header(
      '#',
      referenceTag,
      `Amazon MSK cluster for ${request.name} (${request.environment}).`,
    ),
    ...(monitoring.includes('cloudwatch-logs')
      ? [
          'resource "aws_cloudwatch_log_group" "msk" {',
          `  name              = ${hcl(`/msk/${name}`)}`,
          '  retention_in_days = 30',
          '}',
          '',
        ]
      : []),
    'resource "aws_msk_cluster" "main" {',
    `  cluster_name           = ${hcl(name)}`,
    `  kafka_version          = ${hcl(release)}`,
    `  number_of_broker_nodes = ${values.brokers}`,
    ...(monitoring.includes('enhanced-monitoring')
      ? ['  enhanced_monitoring    = "PER_TOPIC_PER_BROKER"']
      : []),
    '',
    '  broker_node_group_info {',
    `    instance_type   = ${hcl(String(values.instanceSize))}`,
    '    client_subnets  = [var.subnet_zone_a, var.subnet_zone_b, var.subnet_zone_c]',
    '    security_groups = [var.security_group_id]',
    '',
    '    storage_info {',
    '      ebs_storage_info {',
    `        volume_size = ${
      request.environment === 'production' ? 1000 : 100
    }`,
    '      }',
    '    }',
    '  }',
    '',
    '  encryption_info {',
    '    encryption_in_transit {',
    '      client_broker = "TLS"',
    '      in_cluster    = true',
    '    }',
    '  }',
    '',
    '  client_authentication {',
    '    unauthenticated = false',
    ...(auth.includes('iam') || auth.includes('scram')
      ? [
          '    sasl {',
          ...(auth.includes('iam') ? ['      iam = true'] : []),
          ...(auth.includes('scram') ? ['      scram = true'] : []),
          '    }',
        ]
      : []),
    ...(auth.includes('x509')
      ? [
          '    tls {',
          '      certificate_authority_arns = [var.private_ca_arn]',
          '    }',
        ]
      : []),
    '  }',
    ...(monitoring.includes('prometheus')
      ? [
          '',
          '  open_monitoring {',
          '    prometheus {',
          '      jmx_exporter {',
          '        enabled_in_broker = true',
          '      }',
          '      node_exporter {',
          '        enabled_in_broker = true',
          '      }',
          '    }',
          '  }',
        ]
      : []),
    ...(monitoring.includes('cloudwatch-logs')
      ? [
          '',
          '  logging_info {',
          '    broker_logs {',
          '      cloudwatch_logs {',
          '        enabled   = true',
          '        log_group = aws_cloudwatch_log_group.msk.name',
          '      }',
          '    }',
          '  }',
        ]
      : []),
    '',
    ...resourceTags(input),
    '}',
    '',
  ].join('\n');
  const variables = [
    header(
      '#',
      referenceTag,
      'The network the brokers join, one subnet per availability zone.',
    ),
    ...stringVariables([
      'subnet_zone_a',
      'subnet_zone_b',
      'subnet_zone_c',
      'security_group_id',
      ...(auth.includes('x509') ? ['private_ca_arn'] : []),
    ]),
  ].join('\n');
  return [
    awsVersionsFile(DIR, input),
    { path: `${DIR}/variables.tf`, content: variables },
    { path: `${DIR}/main.tf`, content: main },
  ];
}
