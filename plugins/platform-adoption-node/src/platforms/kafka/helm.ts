import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  ConfigMap,
  hasPlaceholder,
  mapAt,
  scalarAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { helmDeployment } from '../shared/helmDeployment';
import {
  chartDefault,
  HelmChartMatcher,
  helmDeploymentSources,
  HelmDeploymentSource,
  setChartSwitch,
  valuesEvidence,
  valuesLookup,
} from '../shared/helmSources';
import { setVersionFromTag } from '../shared/imageVersion';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import { KAFKA_PLATFORM_ID } from './definition';
import { KafkaListener, listenerFromProtocol } from './listeners';
import { setListenerFacets } from './listeners';

const CHART = 'kafka';
/** The chart's `sasl.enabledMechanisms` default. */
const DEFAULT_MECHANISMS = 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512';

/**
 * Recognises values of Bitnami's `kafka` chart: its image, or settings
 * only that chart has (KRaft controllers, its listener and SASL sections).
 */
export const kafkaChartMatcher: HelmChartMatcher = {
  charts: [CHART],
  looksLikeValues(values: ConfigMap): boolean {
    const repository = stringAt(values, ['image', 'repository']) ?? '';
    if (/(^|\/)kafka$/.test(repository)) return true;
    const signals = [
      mapAt(values, ['kraft']) !== undefined,
      scalarAt(values, ['controller', 'controllerOnly']) !== undefined,
      mapAt(values, ['listeners', 'client']) !== undefined,
      mapAt(values, ['sasl', 'client']) !== undefined ||
        scalarAt(values, ['sasl', 'enabledMechanisms']) !== undefined,
      mapAt(values, ['externalAccess']) !== undefined,
      mapAt(values, ['provisioning', 'topics']) !== undefined ||
        valueAt(values, ['provisioning', 'topics']) !== undefined,
    ];
    return signals.filter(Boolean).length >= 2;
  },
};

/**
 * Kafka installed with Bitnami's chart (its KRaft layout from chart 25:
 * controller-eligible nodes that are brokers too unless
 * `controller.controllerOnly`, plus broker-only nodes), from Flux
 * HelmReleases and values files. Facets not written take the chart's
 * documented defaults.
 */
export function detectKafkaHelm(repo: ParsedRepository): DetectedDeployment[] {
  return helmDeploymentSources(repo, kafkaChartMatcher).map(describe);
}

function describe(source: HelmDeploymentSource): DetectedDeployment {
  const { values, path } = source;
  const at = valuesLookup(source);
  const builder = helmDeployment(KAFKA_PLATFORM_ID, source);

  setVersionFromTag(builder, at(['image', 'tag']), {
    path,
    line: source.line,
    note: source.chartVersion
      ? `chart default image (chart version ${source.chartVersion} is the chart's, not Kafka's)`
      : 'chart default image; the values do not say which Kafka release',
  });

  const zookeeper = booleanValue(source, ['zookeeper', 'enabled']);
  const kraft = booleanValue(source, ['kraft', 'enabled']);
  if (zookeeper === true || kraft === false)
    builder.set(
      'mode',
      'zookeeper',
      valuesEvidence(
        source,
        valueAt(
          values,
          zookeeper ? ['zookeeper', 'enabled'] : ['kraft', 'enabled'],
        ),
        zookeeper ? 'zookeeper.enabled' : 'kraft.enabled false',
      ),
    );
  else
    setChartSwitch(builder, source, 'mode', ['kraft', 'enabled'], {
      on: 'kraft',
      off: 'zookeeper',
      defaultOn: true,
    });

  setBrokers(builder, source, at);
  setStorage(builder, source);
  setChartSwitch(builder, source, 'monitoring', ['metrics', 'jmx', 'enabled'], {
    on: 'prometheus',
    off: 'none',
  });
  if (
    builder.get('monitoring') === 'none' &&
    booleanValue(source, ['metrics', 'kafka', 'enabled'])
  )
    builder.set(
      'monitoring',
      'prometheus',
      valuesEvidence(
        source,
        valueAt(values, ['metrics', 'kafka', 'enabled']),
        'Kafka Exporter',
      ),
    );
  setListenerFacets(builder, listenersOf(source), source);
  noteInlinePasswords(builder, source);
  return builder.build();
}

type Lookup = ReturnType<typeof valuesLookup>;

function booleanValue(
  source: HelmDeploymentSource,
  path: string[],
): boolean | undefined {
  const value = scalarAt(source.values, path);
  return value ? asBoolean(value.value) : undefined;
}

/**
 * Nodes that serve clients: controller-eligible nodes unless they are
 * dedicated controllers (`controller.controllerOnly`), plus broker-only
 * nodes; a legacy (chart < 25) top-level `replicaCount` when that is all
 * the values say.
 */
function setBrokers(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  at: Lookup,
) {
  const { values } = source;
  const legacy = at(['replicaCount']);
  if (legacy && !mapAt(values, ['controller']) && !mapAt(values, ['broker'])) {
    setFacetFrom(builder, 'brokers', legacy, asCount);
    return;
  }
  const controllerOnly =
    booleanValue(source, ['controller', 'controllerOnly']) ?? false;
  const zookeeper = builder.get('mode') === 'zookeeper';
  const controllers =
    zookeeper || controllerOnly
      ? 0
      : count(at(['controller', 'replicaCount']), 3);
  const brokers = count(at(['broker', 'replicaCount']), 0);
  if (controllers === undefined || brokers === undefined) {
    builder.unknown(
      'brokers',
      fileEvidence(source.path, source.line, 'replica counts unresolved'),
    );
    return;
  }
  const written =
    valueAt(values, ['broker', 'replicaCount']) ??
    valueAt(values, ['controller', 'replicaCount']);
  builder.set(
    'brokers',
    controllers + brokers,
    valuesEvidence(
      source,
      written,
      [
        controllers ? `${controllers} controller+broker node(s)` : undefined,
        brokers ? `${brokers} broker-only node(s)` : undefined,
        written ? undefined : 'chart default: controller.replicaCount 3',
      ]
        .filter(Boolean)
        .join(', '),
    ),
  );
}

function count(
  value: ReturnType<Lookup>,
  fallback: number,
): number | undefined {
  if (!value) return fallback;
  return value.value.kind === 'scalar' ? asCount(value.value.value) : undefined;
}

/** Persistent volumes for the nodes that hold logs (the chart's default). */
function setStorage(builder: DeploymentBuilder, source: HelmDeploymentSource) {
  const paths = [
    ['controller', 'persistence', 'enabled'],
    ['broker', 'persistence', 'enabled'],
    ['persistence', 'enabled'],
  ];
  const off = paths.find(p => booleanValue(source, p) === false);
  if (off)
    builder.set(
      'storage',
      'ephemeral',
      valuesEvidence(
        source,
        valueAt(source.values, off),
        `${off.join('.')} false`,
      ),
    );
  else {
    const def = chartDefault(
      source,
      'persistent',
      'chart default: persistence.enabled true',
    );
    builder.set(
      'storage',
      def.value,
      fileEvidence(def.path, def.line, def.note),
    );
  }
}

/**
 * The client listener, and the external one when external access is on:
 * interbroker and controller listeners carry no client traffic.
 */
function listenersOf(source: HelmDeploymentSource): KafkaListener[] {
  const { values } = source;
  const mechanisms =
    stringAt(values, ['sasl', 'enabledMechanisms']) ?? DEFAULT_MECHANISMS;
  const clientAuth = stringAt(values, ['tls', 'sslClientAuth']) ?? 'required';
  const names = ['client'];
  if (booleanValue(source, ['externalAccess', 'enabled']))
    names.push('external');
  return names.map(name => {
    const declared = valueAt(values, ['listeners', name, 'protocol']);
    const written =
      declared?.kind === 'scalar' && declared.value !== null
        ? String(declared.value)
        : undefined;
    // A placeholder protocol is no protocol: its listener stays unknown.
    let protocol = written ?? 'SASL_PLAINTEXT';
    if (written && hasPlaceholder(written)) protocol = '?';
    return listenerFromProtocol({
      name,
      protocol,
      mechanisms,
      clientAuth:
        stringAt(values, ['listeners', name, 'sslClientAuth']) || clientAuth,
      path: declared?.source ?? source.path,
      line: declared?.line ?? source.values.line,
      note: written ? undefined : 'chart default: SASL_PLAINTEXT',
    });
  });
}

/** An inline SASL password is noted ("written inline"), never stored. */
function noteInlinePasswords(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
) {
  const passwords = valueAt(source.values, ['sasl', 'client', 'passwords']);
  if (
    passwords?.kind === 'scalar' &&
    typeof passwords.value === 'string' &&
    passwords.value &&
    !hasPlaceholder(passwords.value) &&
    builder.get('authentication') !== 'none'
  ) {
    builder.set(
      'authentication',
      builder.get('authentication')!,
      valuesEvidence(
        source,
        passwords,
        'client passwords written inline in the values (value not stored)',
      ),
    );
  }
}
