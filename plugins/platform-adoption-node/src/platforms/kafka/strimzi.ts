import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  ConfigValue,
  listAt,
  mapAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { FoundMethod, setMethodsFacet } from '../shared/methodsFacet';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import { KAFKA_PLATFORM_ID } from './definition';
import { setKafkaRelease, setKafkaVersionFromImage } from './kafkaVersion';
import { KafkaListener, setListenerFacets } from './listeners';

const GROUP = 'kafka.strimzi.io';
const CLUSTER_LABEL = 'strimzi.io/cluster';

/** Strimzi listener authentication types by the value they give. */
const AUTHENTICATION: Record<string, string> = {
  'scram-sha-512': 'scram',
  tls: 'x509',
  'tls-external': 'x509',
  oauth: 'oauth',
  custom: 'custom',
};

/**
 * Strimzi `Kafka` resources (kafka.strimzi.io v1beta2, and v1), joined
 * with the `KafkaNodePool`s that carry their `strimzi.io/cluster` label in
 * the same namespace: with node pools, the brokers and their storage are
 * the pools'.
 */
export function detectStrimziKafka(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const objects = repo.kubernetesObjects();
  return objects
    .filter(object => object.group === GROUP && object.kind === 'Kafka')
    .map(kafka => describe(kafka, poolsOf(kafka, objects)));
}

function poolsOf(
  kafka: KubernetesObject,
  objects: KubernetesObject[],
): KubernetesObject[] {
  return objects.filter(
    object =>
      object.group === GROUP &&
      object.kind === 'KafkaNodePool' &&
      object.labels.get(CLUSTER_LABEL) === kafka.name &&
      (object.namespace ?? 'default') === (kafka.namespace ?? 'default'),
  );
}

function describe(
  kafka: KubernetesObject,
  pools: KubernetesObject[],
): DetectedDeployment {
  const { builder, at } = kubernetesDeployment(
    KAFKA_PLATFORM_ID,
    kafka,
    'operator',
  );
  const path = kafka.path;
  pools.forEach(pool => builder.addFile(pool.path));

  const image = at(['spec', 'kafka', 'image']);
  if (!at(['spec', 'kafka', 'version']) && image)
    setKafkaVersionFromImage(builder, image);
  else
    setKafkaRelease(builder, at(['spec', 'kafka', 'version']), {
      path,
      line: kafka.line,
      note: "spec.kafka.version not set: the operator's default Kafka release",
    });

  setMode(builder, kafka, pools);
  const brokerPools = pools.filter(pool =>
    listAt(pool.root, ['spec', 'roles']).some(
      role => role.kind === 'scalar' && role.value === 'broker',
    ),
  );
  const usesPools =
    pools.length > 0 ||
    stringAt(kafka.root, [
      'metadata',
      'annotations',
      'strimzi.io/node-pools',
    ]) === 'enabled';
  if (usesPools) setPoolShape(builder, kafka, brokerPools);
  else {
    setFacetFrom(
      builder,
      'brokers',
      at(['spec', 'kafka', 'replicas']),
      asCount,
    );
    setStorage(
      builder,
      valueAt(kafka.root, ['spec', 'kafka', 'storage']),
      path,
    );
  }
  if (!builder.has('brokers'))
    builder.unknown(
      'brokers',
      fileEvidence(path, kafka.line, 'spec.kafka.replicas not set'),
    );

  const rack = valueAt(kafka.root, ['spec', 'kafka', 'rack', 'topologyKey']);
  if (rack)
    builder.set(
      'availability',
      'multi-zone',
      fileEvidence(
        path,
        rack.line,
        'rack awareness spreads replicas over the topology key',
      ),
    );

  setListenerFacets(builder, listenersOf(kafka), {
    path,
    line: kafka.line,
  });
  setMonitoring(builder, kafka);
  return builder.build();
}

/**
 * ZooKeeper or KRaft: the `strimzi.io/kraft` annotation decides
 * (`enabled`; `migration` and `rollback` still run ZooKeeper); without it,
 * a `spec.zookeeper` section means ZooKeeper, and its absence KRaft, the
 * only mode Strimzi supports from 0.46.
 */
function setMode(
  builder: DeploymentBuilder,
  kafka: KubernetesObject,
  pools: KubernetesObject[],
) {
  const path = kafka.path;
  const annotation = valueAt(kafka.root, [
    'metadata',
    'annotations',
    'strimzi.io/kraft',
  ]);
  const zookeeper = valueAt(kafka.root, ['spec', 'zookeeper']);
  if (annotation?.kind === 'scalar' && annotation.value !== null) {
    const written = String(annotation.value).toLowerCase();
    builder.set(
      'mode',
      written === 'enabled' ? 'kraft' : 'zookeeper',
      fileEvidence(
        path,
        annotation.line,
        `strimzi.io/kraft: ${written}${
          ['migration', 'rollback'].includes(written)
            ? ' (migrating between ZooKeeper and KRaft)'
            : ''
        }`,
      ),
    );
  } else if (zookeeper) {
    builder.set(
      'mode',
      'zookeeper',
      fileEvidence(path, zookeeper.line, 'spec.zookeeper'),
    );
  } else {
    const controllers = pools.find(pool =>
      listAt(pool.root, ['spec', 'roles']).some(
        role => role.kind === 'scalar' && role.value === 'controller',
      ),
    );
    builder.set(
      'mode',
      'kraft',
      fileEvidence(
        controllers?.path ?? path,
        controllers?.line ?? kafka.line,
        controllers
          ? `KafkaNodePool ${controllers.name} has the controller role`
          : 'no spec.zookeeper: KRaft',
      ),
    );
  }
}

/** Brokers and storage from the node pools that have the broker role. */
function setPoolShape(
  builder: DeploymentBuilder,
  kafka: KubernetesObject,
  brokerPools: KubernetesObject[],
) {
  if (brokerPools.length === 0) {
    const evidence = fileEvidence(
      kafka.path,
      kafka.line,
      'node pools enabled, but no KafkaNodePool with the broker role for this cluster in the repository',
    );
    builder.unknown('brokers', evidence);
    builder.unknown('storage', evidence);
    return;
  }
  let brokers = 0;
  let countable = true;
  for (const pool of brokerPools) {
    const replicas = valueAt(pool.root, ['spec', 'replicas']);
    const count =
      replicas?.kind === 'scalar' ? asCount(replicas.value) : undefined;
    if (count === undefined) countable = false;
    else brokers += count;
  }
  const first = brokerPools[0];
  const evidence = fileEvidence(
    first.path,
    valueAt(first.root, ['spec', 'replicas'])?.line ?? first.line,
    `KafkaNodePool ${brokerPools.map(p => p.name).join(', ')} (broker role)`,
  );
  if (countable) builder.set('brokers', brokers, evidence);
  else builder.unknown('brokers', evidence);

  // Every broker pool must keep its data for the cluster to.
  const storages = brokerPools.map(pool => ({
    pool,
    storage: valueAt(pool.root, ['spec', 'storage']),
  }));
  const ephemeral = storages.find(s => storageKind(s.storage) === 'ephemeral');
  setStorage(
    builder,
    (ephemeral ?? storages[0]).storage,
    (ephemeral ?? storages[0]).pool.path,
  );
}

/**
 * `ephemeral`, `persistent-claim`, or `jbod` whose volumes are all
 * persistent claims.
 */
function storageKind(
  storage: ConfigValue | undefined,
): 'persistent' | 'ephemeral' | undefined {
  const type = stringAt(storage, ['type']);
  if (type === 'ephemeral') return 'ephemeral';
  if (type === 'persistent-claim') return 'persistent';
  if (type === 'jbod') {
    const volumes = listAt(storage, ['volumes']).map(v =>
      stringAt(v, ['type']),
    );
    if (volumes.length === 0) return undefined;
    return volumes.every(v => v === 'persistent-claim')
      ? 'persistent'
      : 'ephemeral';
  }
  return undefined;
}

function setStorage(
  builder: DeploymentBuilder,
  storage: ConfigValue | undefined,
  path: string,
) {
  if (!storage) {
    builder.unknown('storage', fileEvidence(path, undefined, 'no storage'));
    return;
  }
  const kind = storageKind(storage);
  const type = stringAt(storage, ['type']);
  if (kind)
    builder.set(
      'storage',
      kind,
      fileEvidence(path, storage.line, `storage type ${type}`),
    );
  else
    builder.unknown(
      'storage',
      fileEvidence(
        path,
        storage.line,
        `unrecognised storage type "${type ?? ''}"`,
      ),
    );
}

function listenersOf(kafka: KubernetesObject): KafkaListener[] {
  // `tls` is required by the schema; a listener without it is plain.
  const tlsOf = (tls: ConfigValue | undefined) => {
    if (!tls) return false;
    return tls.kind === 'scalar' ? asBoolean(tls.value) : undefined;
  };
  return listAt(kafka.root, ['spec', 'kafka', 'listeners']).map(listener => {
    const name =
      stringAt(listener, ['name']) ??
      String(stringAt(listener, ['port']) ?? '?');
    const tls = valueAt(listener, ['tls']);
    const type = stringAt(listener, ['authentication', 'type']);
    return {
      name: `${name} (${stringAt(listener, ['type']) ?? 'internal'}:${
        stringAt(listener, ['port']) ?? '?'
      })`,
      tls: tlsOf(tls),
      authentication: type ? AUTHENTICATION[type] ?? 'custom' : 'none',
      path: kafka.path,
      line: listener.line,
    };
  });
}

/** JMX metrics through the Prometheus exporter, Strimzi's metrics reporter, or Kafka Exporter. */
function setMonitoring(builder: DeploymentBuilder, kafka: KubernetesObject) {
  const found: FoundMethod[] = [];
  const metrics = mapAt(kafka.root, ['spec', 'kafka', 'metricsConfig']);
  const type = stringAt(metrics, ['type']);
  if (
    metrics &&
    (type === 'jmxPrometheusExporter' || type === 'strimziMetricsReporter')
  )
    found.push({ method: 'prometheus', path: kafka.path, line: metrics.line });
  const exporter = valueAt(kafka.root, ['spec', 'kafkaExporter']);
  if (exporter)
    found.push({ method: 'prometheus', path: kafka.path, line: exporter.line });
  setMethodsFacet(builder, 'monitoring', found, {
    path: kafka.path,
    line: kafka.line,
    note: 'no metricsConfig or kafkaExporter',
  });
}
