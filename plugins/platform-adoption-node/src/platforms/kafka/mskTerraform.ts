import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { isUnresolved } from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { FoundMethod, setMethodsFacet } from '../shared/methodsFacet';
import { setTerraformRegion } from '../shared/cloudRegion';
import { asCount, asText, setFacetFrom } from '../shared/sourcedValue';
import { terraformDeployment } from '../shared/terraformDeployment';
import {
  terraformFlag,
  terraformLiteral,
  terraformValue,
} from '../shared/terraformFacts';
import { KAFKA_PLATFORM_ID } from './definition';
import { kafkaReleaseVersion, setKafkaRelease } from './kafkaVersion';
import { KafkaListener, setListenerFacets } from './listeners';

const CLUSTER = 'aws_msk_cluster';
const SERVERLESS = 'aws_msk_serverless_cluster';

/**
 * Amazon MSK from the `hashicorp/aws` provider: provisioned clusters
 * (`aws_msk_cluster`) and serverless ones (`aws_msk_serverless_cluster`).
 */
export function detectMskClusters(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return repo
    .terraformModules()
    .flatMap(module => [
      ...module
        .resourcesOfType(CLUSTER)
        .map(cluster => describeCluster(module, cluster)),
      ...module
        .resourcesOfType(SERVERLESS)
        .map(cluster => describeServerless(module, cluster)),
    ]);
}

function describeCluster(
  module: TerraformModule,
  cluster: TerraformResource,
): DetectedDeployment {
  const builder = terraformDeployment(
    KAFKA_PLATFORM_ID,
    module,
    cluster,
    'aws-msk',
    ['cluster_name'],
  );
  const { path, line } = cluster;
  setKafkaRelease(builder, terraformValue(module, cluster, 'kafka_version'), {
    path,
    line,
    note: 'kafka_version is required',
  });
  setMode(builder, module, cluster);
  setFacetFrom(
    builder,
    'brokers',
    terraformValue(module, cluster, 'number_of_broker_nodes'),
    asCount,
  );
  setFacetFrom(
    builder,
    'instanceSize',
    terraformValue(module, cluster, 'broker_node_group_info.0.instance_type'),
    asText,
  );
  builder.set(
    'storage',
    'persistent',
    fileEvidence(path, line, 'MSK brokers keep their logs on EBS volumes'),
  );
  setAvailability(builder, module, cluster);
  setTerraformRegion(builder, module, cluster, 'aws');
  setListenerFacets(builder, [listenerOf(module, cluster)], cluster);
  setMonitoring(builder, module, cluster);
  return builder.build();
}

/**
 * KRaft from the version: MSK names KRaft releases `3.7.x.kraft`, and
 * Kafka 4 has no ZooKeeper; older releases run on ZooKeeper nodes MSK
 * manages.
 */
function setMode(
  builder: DeploymentBuilder,
  module: TerraformModule,
  cluster: TerraformResource,
) {
  const written = terraformValue(module, cluster, 'kafka_version');
  const text = terraformLiteral(module, cluster, 'kafka_version');
  const evidence = (note: string) =>
    fileEvidence(
      written?.path ?? cluster.path,
      written?.value.line ?? cluster.line,
      note,
    );
  if (typeof text !== 'string') {
    builder.unknown('mode', evidence('kafka_version unresolved'));
    return;
  }
  const major = Number(kafkaReleaseVersion(text)?.split('.')[0]);
  if (/\.kraft$/i.test(text) || major >= 4)
    builder.set('mode', 'kraft', evidence(`kafka_version ${text}`));
  else
    builder.set(
      'mode',
      'zookeeper',
      evidence(`kafka_version ${text}: MSK runs ZooKeeper for it`),
    );
}

/** MSK spreads brokers evenly over the availability zones of its client subnets. */
function setAvailability(
  builder: DeploymentBuilder,
  module: TerraformModule,
  cluster: TerraformResource,
) {
  const subnets = terraformValue(
    module,
    cluster,
    'broker_node_group_info.0.client_subnets',
  );
  if (!subnets) return;
  if (subnets.value.kind !== 'list') {
    builder.unknown(
      'availability',
      fileEvidence(
        subnets.path,
        subnets.value.line,
        'client_subnets unresolved',
      ),
    );
    return;
  }
  const count = subnets.value.items.length;
  builder.set(
    'availability',
    count > 1 ? 'multi-zone' : 'single-zone',
    fileEvidence(
      subnets.path,
      subnets.value.line,
      `${count} client subnet(s), one per availability zone`,
    ),
  );
}

/**
 * The cluster's client-facing traffic as one listener: `client_broker`
 * (default TLS) decides encryption; `client_authentication` the methods.
 * Without `client_authentication` MSK takes unauthenticated clients, as it
 * does with `unauthenticated = true` beside other methods.
 */
function listenerOf(
  module: TerraformModule,
  cluster: TerraformResource,
): KafkaListener {
  const clientBroker = terraformValue(
    module,
    cluster,
    'encryption_info.0.encryption_in_transit.0.client_broker',
  );
  let tls: boolean | undefined = true;
  let tlsNote = 'client_broker defaults to TLS';
  if (clientBroker) {
    const text =
      clientBroker.value.kind === 'scalar' && !isUnresolved(clientBroker.value)
        ? String(clientBroker.value.value).toUpperCase()
        : undefined;
    tls = text === undefined ? undefined : text === 'TLS';
    tlsNote = `client_broker ${text ?? 'unresolved'}`;
  }

  const authentication = module.attribute(cluster, 'client_authentication');
  const methods: string[] = [];
  let unresolved = false;
  const flag = (attribute: string, method: string) => {
    const value = terraformFlag(
      module,
      cluster,
      `client_authentication.0.${attribute}`,
    );
    if (value.unresolved) unresolved = true;
    if (value.value) methods.push(method);
  };
  flag('sasl.0.iam', 'iam');
  flag('sasl.0.scram', 'scram');
  if (module.attribute(cluster, 'client_authentication.0.tls'))
    methods.push('x509');
  const anonymous = terraformFlag(
    module,
    cluster,
    'client_authentication.0.unauthenticated',
  );
  let value: string;
  let authNote: string;
  if (!authentication) {
    value = 'none';
    authNote = 'no client_authentication: MSK takes unauthenticated clients';
  } else if (anonymous.value || (methods.length === 0 && !unresolved)) {
    value = 'none';
    authNote = 'unauthenticated access enabled';
  } else if (unresolved || anonymous.unresolved) {
    value = UNKNOWN;
    authNote = 'client_authentication unresolved';
  } else {
    value = [...new Set(methods)].sort().join('+');
    authNote = 'client_authentication';
  }
  const line =
    authentication?.value.line ?? clientBroker?.value.line ?? cluster.line;
  return {
    name: 'client-broker',
    tls,
    authentication: value,
    path: cluster.path,
    line,
    note: `${tlsNote}; ${authNote}`,
  };
}

function setMonitoring(
  builder: DeploymentBuilder,
  module: TerraformModule,
  cluster: TerraformResource,
) {
  const found: FoundMethod[] = [];
  const on = (attribute: string, method: string) => {
    const value = terraformFlag(module, cluster, attribute);
    if (value.value)
      found.push({
        method,
        path: value.source!.path,
        line: value.source!.value.line,
      });
  };
  on(
    'open_monitoring.0.prometheus.0.jmx_exporter.0.enabled_in_broker',
    'prometheus',
  );
  on(
    'open_monitoring.0.prometheus.0.node_exporter.0.enabled_in_broker',
    'prometheus',
  );
  on(
    'logging_info.0.broker_logs.0.cloudwatch_logs.0.enabled',
    'cloudwatch-logs',
  );
  const enhanced = terraformValue(module, cluster, 'enhanced_monitoring');
  const level =
    enhanced?.value.kind === 'scalar'
      ? asText(enhanced.value.value)
      : undefined;
  if (level && level.toUpperCase() !== 'DEFAULT')
    found.push({
      method: 'enhanced-monitoring',
      path: enhanced!.path,
      line: enhanced!.value.line,
    });
  setMethodsFacet(builder, 'monitoring', found, {
    path: cluster.path,
    line: cluster.line,
    note: 'default CloudWatch metrics only: no open monitoring, enhanced monitoring or broker log delivery',
  });
}

/**
 * MSK Serverless: IAM authentication and TLS are the only options, the
 * capacity and version are AWS's, and the cluster spans availability zones.
 */
function describeServerless(
  module: TerraformModule,
  cluster: TerraformResource,
): DetectedDeployment {
  const builder = terraformDeployment(
    KAFKA_PLATFORM_ID,
    module,
    cluster,
    'aws-msk',
    ['cluster_name'],
  );
  const at = (note: string) => fileEvidence(cluster.path, cluster.line, note);
  builder.unknown(
    'version',
    at('MSK Serverless runs the Kafka release AWS chooses'),
  );
  builder.set('instanceSize', 'serverless', at('aws_msk_serverless_cluster'));
  builder.set('storage', 'persistent', at('managed by MSK Serverless'));
  builder.set(
    'availability',
    'multi-zone',
    at('MSK Serverless spans availability zones'),
  );
  setTerraformRegion(builder, module, cluster, 'aws');
  const iam = terraformFlag(
    module,
    cluster,
    'client_authentication.0.sasl.0.iam.0.enabled',
  );
  setListenerFacets(
    builder,
    [
      {
        name: 'client-broker',
        tls: true,
        authentication: iam.unresolved ? UNKNOWN : 'iam',
        path: cluster.path,
        line: iam.source?.value.line ?? cluster.line,
        note: 'MSK Serverless requires TLS and IAM access control',
      },
    ],
    cluster,
  );
  builder.set('monitoring', 'none', at('default CloudWatch metrics only'));
  return builder.build();
}
