import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { ComposeService } from '../../parsing/compose';
import { ConfigValue, isUnresolved } from '../../parsing/configValue';
import { parseImageReference } from '../../parsing/imageReference';
import { composeDeployment } from '../shared/composeDeployment';
import { composeDeploymentSources } from '../shared/composeSources';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { imageNamed } from '../shared/imageVersion';
import { KAFKA_PLATFORM_ID } from './definition';
import { setKafkaVersionFromImage } from './kafkaVersion';
import {
  KafkaListener,
  listenerFromProtocol,
  setListenerFacets,
} from './listeners';

/** Images that run a Kafka broker, by last path segment. */
export const KAFKA_SERVER_IMAGES = [
  'kafka',
  'kafka-native',
  'cp-kafka',
  'cp-server',
  'confluent-local',
];
/** Tools shipped in those images that init and test jobs run. */
const KAFKA_CLIENT_TOOLS = [
  'kafka-topics',
  'kafka-topics.sh',
  'kafka-console-producer',
  'kafka-console-consumer',
  'kafka-configs',
  'kafka-acls',
];
const EXPORTER_IMAGES = ['kafka-exporter', 'kafka_exporter', 'jmx-exporter'];

/** Where each image keeps its logs unless `log.dirs` says otherwise. */
function defaultLogDir(repository: string): string {
  if (/(^|\/)bitnami\/kafka$/.test(repository)) return '/bitnami/kafka';
  if (/(^|\/)apache\/kafka(-native)?$/.test(repository))
    return '/tmp/kraft-combined-logs';
  return '/var/lib/kafka/data';
}

/** Bitnami's image enables these SASL mechanisms; Kafka's own default is GSSAPI. */
function defaultMechanisms(repository: string): string {
  return /(^|\/)bitnami\/kafka$/.test(repository)
    ? 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512'
    : 'GSSAPI';
}

interface Property {
  value: string | undefined;
  line: number;
  key: string;
}

/**
 * The broker properties a service's environment sets, the way the images
 * map them: `KAFKA_CFG_LISTENERS` (Bitnami) and `KAFKA_LISTENERS`
 * (Confluent, Apache) both set `listeners`. An unresolved value (`${X}`)
 * is present with an undefined value.
 */
function brokerProperties(service: ComposeService): Map<string, Property> {
  const properties = new Map<string, Property>();
  for (const [key, value] of service.environment) {
    const match = /^KAFKA_(?:CFG_)?(.+)$/.exec(key);
    if (!match) continue;
    const name = match[1].toLowerCase().replace(/_/g, '.');
    properties.set(name, {
      value: literal(value),
      line: value.line,
      key,
    });
  }
  return properties;
}

function literalOf(value: ConfigValue | undefined): string | undefined {
  return value ? literal(value) : undefined;
}

function literal(value: ConfigValue): string | undefined {
  if (isUnresolved(value) || value.kind !== 'scalar' || value.value === null)
    return undefined;
  return String(value.value);
}

/**
 * Kafka brokers of Compose files. The brokers of one file that share a
 * cluster (the same ZooKeeper connect string or KRaft quorum) are one
 * deployment.
 */
export function detectKafkaCompose(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  const grouped = new Set<ComposeService>();
  for (const source of composeDeploymentSources(
    repo,
    KAFKA_SERVER_IMAGES,
    KAFKA_CLIENT_TOOLS,
  )) {
    const { path, service, services } = source;
    if (grouped.has(service)) continue;
    const identity = clusterIdentity(service);
    const members = services.filter(
      other =>
        imageNamed(other.image, KAFKA_SERVER_IMAGES) &&
        clusterIdentity(other) === identity,
    );
    members.forEach(member => grouped.add(member));
    const brokers = members.filter(member => {
      const roles = brokerProperties(member).get('process.roles')?.value;
      return roles === undefined || /broker/.test(roles);
    });

    const builder = composeDeployment(KAFKA_PLATFORM_ID, path, service);
    if (service.image)
      setKafkaVersionFromImage(builder, { value: service.image, path });
    const properties = brokerProperties(service);
    const image = imageRepository(service);
    setMode(builder, path, service, properties, image);
    builder.set(
      'brokers',
      brokers.length,
      fileEvidence(
        path,
        service.line,
        `broker services ${brokers.map(b => b.name).join(', ')}`,
      ),
    );
    setStorage(builder, path, service, properties, image);
    setListenerFacets(builder, listenersOf(path, service, properties, image), {
      path,
      line: service.line,
    });
    const exporter = services.find(other =>
      imageNamed(other.image, EXPORTER_IMAGES),
    );
    const javaAgent = [...service.environment.entries()].find(
      ([key, value]) =>
        /_OPTS$/.test(key) &&
        /jmx_prometheus_javaagent/.test(literal(value) ?? ''),
    );
    if (exporter || javaAgent)
      builder.set(
        'monitoring',
        'prometheus',
        fileEvidence(
          path,
          exporter?.line ?? javaAgent![1].line,
          exporter ? `exporter service ${exporter.name}` : 'JMX exporter agent',
        ),
      );
    else
      builder.set(
        'monitoring',
        'none',
        fileEvidence(
          path,
          service.line,
          'no exporter service or JMX exporter agent',
        ),
      );
    deployments.push(builder.build());
  }
  return deployments;
}

/** The image's repository without registry or tag (`bitnami/kafka`). */
function imageRepository(service: ComposeService): string {
  const image = service.image;
  const text =
    image?.kind === 'scalar' && typeof image.value === 'string'
      ? image.value
      : '';
  return parseImageReference(text)?.repository ?? '';
}

/** What brokers of one cluster share: their ZooKeeper, their quorum, or their cluster id. */
function clusterIdentity(service: ComposeService): string {
  const properties = brokerProperties(service);
  return (
    properties.get('zookeeper.connect')?.value ??
    properties.get('controller.quorum.voters')?.value ??
    properties.get('controller.quorum.bootstrap.servers')?.value ??
    properties.get('kraft.cluster.id')?.value ??
    literalOf(service.environment.get('CLUSTER_ID')) ??
    ''
  );
}

/**
 * ZooKeeper when `zookeeper.connect` is set, KRaft when `process.roles`
 * is; without either, the Apache and Bitnami images start a single KRaft
 * node, Confluent's cannot start at all.
 */
function setMode(
  builder: DeploymentBuilder,
  path: string,
  service: ComposeService,
  properties: Map<string, Property>,
  image: string,
) {
  const zookeeper = properties.get('zookeeper.connect');
  const roles = properties.get('process.roles');
  if (zookeeper)
    builder.set(
      'mode',
      'zookeeper',
      fileEvidence(path, zookeeper.line, zookeeper.key),
    );
  else if (roles)
    builder.set(
      'mode',
      'kraft',
      fileEvidence(
        path,
        roles.line,
        `${roles.key} ${roles.value ?? ''}`.trim(),
      ),
    );
  else if (/(^|\/)(apache|bitnami)\/kafka(-native)?$/.test(image))
    builder.set(
      'mode',
      'kraft',
      fileEvidence(path, service.line, 'image default: a single KRaft node'),
    );
  else
    builder.unknown(
      'mode',
      fileEvidence(
        path,
        service.line,
        'neither zookeeper.connect nor process.roles set',
      ),
    );
}

/** Persistent when a volume or bind mount holds the log directory. */
function setStorage(
  builder: DeploymentBuilder,
  path: string,
  service: ComposeService,
  properties: Map<string, Property>,
  image: string,
) {
  const logDirs =
    properties.get('log.dirs')?.value ?? properties.get('log.dir')?.value;
  const dataDir = logDirs?.split(',')[0] ?? defaultLogDir(image);
  const mount = service.mounts.find(
    m =>
      dataDir === m.target ||
      dataDir.startsWith(`${m.target.replace(/\/$/, '')}/`),
  );
  if (mount)
    builder.set(
      'storage',
      'persistent',
      fileEvidence(
        path,
        mount.line,
        `${mount.source ?? 'volume'} mounted at ${mount.target}`,
      ),
    );
  else
    builder.set(
      'storage',
      'ephemeral',
      fileEvidence(
        path,
        service.line,
        `nothing mounted at the log directory ${dataDir}`,
      ),
    );
}

/**
 * The listeners clients use: the advertised ones (else `listeners`),
 * without the controller listener; each one's protocol from
 * `listener.security.protocol.map` or its own name.
 */
function listenersOf(
  path: string,
  service: ComposeService,
  properties: Map<string, Property>,
  image: string,
): KafkaListener[] {
  const declared =
    properties.get('advertised.listeners') ?? properties.get('listeners');
  if (!declared)
    return [
      {
        name: 'PLAINTEXT',
        tls: false,
        authentication: 'none',
        path,
        line: service.line,
        note: `${image} image default: one PLAINTEXT listener`,
      },
    ];
  if (declared.value === undefined)
    return [
      {
        name: declared.key,
        tls: undefined,
        authentication: 'unknown',
        path,
        line: declared.line,
      },
    ];
  const controllers = (
    properties.get('controller.listener.names')?.value ?? 'CONTROLLER'
  )
    .split(',')
    .map(n => n.trim().toUpperCase());
  const protocols = new Map<string, string>();
  for (const pair of (
    properties.get('listener.security.protocol.map')?.value ?? ''
  ).split(',')) {
    const [name, protocol] = pair.split(':').map(s => s.trim().toUpperCase());
    if (name && protocol) protocols.set(name, protocol);
  }
  const mechanisms =
    properties.get('sasl.enabled.mechanisms')?.value ??
    defaultMechanisms(image);
  return declared.value
    .split(',')
    .map(entry => /^\s*([A-Za-z0-9_-]+):\/\//.exec(entry)?.[1]?.toUpperCase())
    .filter(
      (name): name is string => Boolean(name) && !controllers.includes(name!),
    )
    .map(name =>
      listenerFromProtocol({
        name,
        protocol: protocols.get(name) ?? name,
        mechanisms,
        clientAuth: properties.get('ssl.client.auth')?.value,
        path,
        line: declared.line,
      }),
    );
}
