import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  booleanAt,
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
  setChartBackupTool,
  setChartSwitch,
  valuesEvidence,
  valuesLookup,
} from '../shared/helmSources';
import { setVersionFromTag } from '../shared/imageVersion';
import { asCount, setFacetFrom, SourcedValue } from '../shared/sourcedValue';
import { MONGODB_PLATFORM_ID } from './definition';

const MONGODB_CHART = 'mongodb';
const SHARDED_CHART = 'mongodb-sharded';

/**
 * Recognises values of Bitnami's `mongodb` / `mongodb-sharded` charts: the
 * chart's image, or settings only those charts have (architecture
 * standalone|replicaset, replica-set keys, shards). PostgreSQL's chart also
 * has `architecture`, but `replication`, never `replicaset`.
 */
export const mongodbChartMatcher: HelmChartMatcher = {
  charts: [MONGODB_CHART, SHARDED_CHART],
  looksLikeValues(values: ConfigMap): boolean {
    const repository = stringAt(values, ['image', 'repository']) ?? '';
    if (/(^|\/)mongodb(-sharded)?$/.test(repository)) return true;
    const architecture = stringAt(values, ['architecture']);
    if (architecture === 'replicaset') return true;
    const signals = [
      architecture === 'standalone',
      mapAt(values, ['arbiter']) !== undefined,
      scalarAt(values, ['replicaSetName']) !== undefined,
      scalarAt(values, ['auth', 'replicaSetKey']) !== undefined,
      mapAt(values, ['configsvr']) !== undefined &&
        mapAt(values, ['mongos']) !== undefined,
      scalarAt(values, ['useStatefulSet']) !== undefined,
      valueAt(values, ['auth', 'usernames']) !== undefined &&
        valueAt(values, ['auth', 'databases']) !== undefined,
    ];
    return signals.filter(Boolean).length >= 2;
  },
};

/**
 * MongoDB installed with Bitnami's charts, from Flux HelmReleases and Helm
 * values files. Facets not written take the chart's documented defaults
 * (architecture standalone, auth on, TLS, metrics and backup off).
 */
export function detectMongodbHelm(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return helmDeploymentSources(repo, mongodbChartMatcher).map(describe);
}

function describe(source: HelmDeploymentSource): DetectedDeployment {
  const { path } = source;
  const at = valuesLookup(source);
  const builder = helmDeployment(MONGODB_PLATFORM_ID, source);

  const chartNote = source.chartVersion
    ? `chart default image (chart version ${source.chartVersion} is the chart's, not MongoDB's)`
    : 'chart default image; the values do not say which MongoDB version';
  setVersionFromTag(builder, at(['image', 'tag']), {
    path,
    line: source.line,
    note: chartNote,
  });

  if (source.chart === SHARDED_CHART) setShardedShape(builder, source, at);
  else setReplicaShape(builder, source, at);

  setChartSwitch(builder, source, 'backup', ['backup', 'enabled'], {
    on: 'snapshot',
    off: 'none',
  });
  setChartBackupTool(
    builder,
    source,
    'mongodump-cronjob',
    'chart backup CronJob runs mongodump',
  );
  setChartSwitch(builder, source, 'monitoring', ['metrics', 'enabled'], {
    on: 'prometheus',
    off: 'none',
  });

  setFacetFrom(
    builder,
    'authentication',
    at(['auth', 'enabled']),
    v => (asBoolean(v) === false ? 'none' : 'scram'),
    chartDefault(source, 'scram', 'chart default: auth.enabled true (SCRAM)'),
  );
  describeCredentials(builder, source);

  setChartSwitch(builder, source, 'tls', ['tls', 'enabled'], {
    on: true,
    off: false,
  });
  return builder.build();
}

type ValueLookup = (p: string[]) => SourcedValue | undefined;

function setReplicaShape(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  at: ValueLookup,
) {
  const { values, path } = source;
  setFacetFrom(
    builder,
    'topology',
    at(['architecture']),
    v => oneOf(v, ['replicaset', 'standalone']),
    chartDefault(
      source,
      'standalone',
      'chart default: architecture standalone',
    ),
  );
  const topology = builder.get('topology');
  if (topology === 'standalone') {
    builder.set(
      'replicas',
      1,
      valuesEvidence(
        source,
        valueAt(values, ['architecture']),
        'standalone: one member',
      ),
    );
  } else if (topology === 'replicaset') {
    setFacetFrom(
      builder,
      'replicas',
      at(['replicaCount']),
      asCount,
      chartDefault(
        source,
        2,
        'chart default: replicaCount 2 (plus an arbiter, which holds no data)',
      ),
    );
    const hidden = booleanAt(values, ['hidden', 'enabled']);
    const replicas = builder.get('replicas');
    if (hidden && typeof replicas === 'number') {
      const hiddenCount =
        asCount(scalarAt(values, ['hidden', 'replicaCount'])?.value ?? 1) ?? 1;
      builder.set(
        'replicas',
        replicas + hiddenCount,
        valuesEvidence(
          source,
          valueAt(values, ['hidden', 'enabled']),
          `replicaCount ${replicas} plus ${hiddenCount} hidden member(s)`,
        ),
      );
    }
  } else {
    builder.unknown(
      'replicas',
      fileEvidence(path, source.line, 'topology unknown'),
    );
  }
}

function setShardedShape(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  at: ValueLookup,
) {
  builder.set(
    'topology',
    'sharded',
    fileEvidence(source.path, source.line, 'chart mongodb-sharded'),
  );
  setFacetFrom(
    builder,
    'shards',
    at(['shards']),
    asCount,
    chartDefault(source, 2, 'chart default: shards 2'),
  );
  setFacetFrom(
    builder,
    'replicas',
    at(['shardsvr', 'dataNode', 'replicaCount']),
    asCount,
    chartDefault(
      source,
      1,
      'chart default: shardsvr.dataNode.replicaCount 1, per shard',
    ),
  );
}

/**
 * Notes where the root credentials come from, never what they are: an
 * inline password is a finding ("written inline"), its value is not stored.
 */
function describeCredentials(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
) {
  const { values } = source;
  if (builder.get('authentication') !== 'scram') return;
  const password = scalarAt(values, ['auth', 'rootPassword']);
  const secret = scalarAt(values, ['auth', 'existingSecret']);
  const current = valueAt(values, ['auth', 'enabled']);
  if (
    password &&
    typeof password.value === 'string' &&
    password.value &&
    !hasPlaceholder(password.value)
  ) {
    builder.set(
      'authentication',
      'scram',
      valuesEvidence(
        source,
        password,
        'root password written inline in the values (value not stored)',
      ),
    );
  } else if (secret) {
    builder.set(
      'authentication',
      'scram',
      valuesEvidence(
        source,
        current ?? secret,
        `credentials from existingSecret`,
      ),
    );
  }
}

/** The value when it is one the chart accepts. */
function oneOf(value: unknown, accepted: string[]): string | undefined {
  return typeof value === 'string' && accepted.includes(value)
    ? value
    : undefined;
}
