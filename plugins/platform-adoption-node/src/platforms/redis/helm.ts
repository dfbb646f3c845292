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
import { REDIS_PLATFORM_ID } from './definition';

const CLUSTER_CHARTS = ['redis-cluster', 'valkey-cluster'];

/**
 * Recognises values of Bitnami's `redis`, `valkey`, `redis-cluster` and
 * `valkey-cluster` charts: their image, or sections only they have
 * (master/primary with replica, sentinel, the cluster's nodes).
 * PostgreSQL's chart also has `architecture: replication` and `primary`,
 * but `readReplicas`, never `replica`.
 */
export const redisChartMatcher: HelmChartMatcher = {
  charts: ['redis', 'valkey', ...CLUSTER_CHARTS],
  looksLikeValues(values: ConfigMap): boolean {
    const repository = stringAt(values, ['image', 'repository']) ?? '';
    if (/(^|\/)(redis|valkey)(-cluster)?$/.test(repository)) return true;
    if (mapAt(values, ['readReplicas'])) return false;
    const signals = [
      ['replication', 'standalone'].includes(
        stringAt(values, ['architecture']) ?? '',
      ),
      mapAt(values, ['master']) !== undefined,
      mapAt(values, ['replica']) !== undefined,
      mapAt(values, ['sentinel']) !== undefined,
      scalarAt(values, ['commonConfiguration']) !== undefined,
      scalarAt(values, ['cluster', 'nodes']) !== undefined,
    ];
    return signals.filter(Boolean).length >= 2;
  },
};

/**
 * Redis and Valkey installed with Bitnami's charts, from Flux HelmReleases
 * and values files. Facets not written take the charts' documented
 * defaults: replication with three replicas, auth on, TLS and metrics off,
 * AOF on a persistent volume; no backups.
 */
export function detectRedisHelm(repo: ParsedRepository): DetectedDeployment[] {
  return helmDeploymentSources(repo, redisChartMatcher).map(describe);
}

type Lookup = ReturnType<typeof valuesLookup>;

function describe(source: HelmDeploymentSource): DetectedDeployment {
  const { path, values } = source;
  const at = valuesLookup(source);
  const builder = helmDeployment(REDIS_PLATFORM_ID, source);
  const repository = stringAt(values, ['image', 'repository']) ?? '';
  const valkey =
    source.chart.startsWith('valkey') ||
    /(^|\/)valkey(-cluster)?$/.test(repository);
  builder.set(
    'distribution',
    valkey ? 'valkey' : 'redis',
    fileEvidence(path, source.line, `chart ${source.chart}`),
  );
  setVersionFromTag(builder, at(['image', 'tag']), {
    path,
    line: source.line,
    note: source.chartVersion
      ? `chart default image (chart version ${source.chartVersion} is the chart's, not the server's)`
      : 'chart default image; the values do not say which version',
  });

  // A values file names no chart: the image or the cluster section tell.
  const cluster =
    CLUSTER_CHARTS.includes(source.chart) ||
    /-cluster$/.test(repository) ||
    mapAt(values, ['cluster']) !== undefined;
  if (cluster) setClusterShape(builder, source, at);
  else setReplicationShape(builder, source, at, valkey ? 'primary' : 'master');

  setFacetFrom(
    builder,
    'authentication',
    at(cluster ? ['usePassword'] : ['auth', 'enabled']),
    v => (asBoolean(v) === false ? 'none' : 'password'),
    chartDefault(
      source,
      'password',
      'chart default: password authentication on',
    ),
  );
  const acl = scalarAt(values, ['auth', 'acl', 'enabled']);
  if (
    builder.get('authentication') === 'password' &&
    acl &&
    asBoolean(acl.value)
  )
    builder.set(
      'authentication',
      'acl',
      valuesEvidence(source, acl, 'auth.acl users'),
    );
  noteInlinePassword(builder, source, cluster);

  setChartSwitch(builder, source, 'tls', ['tls', 'enabled'], {
    on: true,
    off: false,
  });
  setChartSwitch(builder, source, 'monitoring', ['metrics', 'enabled'], {
    on: 'prometheus',
    off: 'none',
  });
  setPersistence(builder, source, cluster, valkey ? 'primary' : 'master');
  const none = fileEvidence(
    path,
    source.line,
    'the chart schedules no backups; persistence is not a backup',
  );
  builder.set('backup', 'none', none);
  builder.set('backupTool', 'none', none);
  return builder.build();
}

/**
 * `architecture: replication` (the default) runs a primary and
 * `replica.replicaCount` replicas (3); with Sentinel the chart runs
 * `replica.replicaCount` nodes in all, one elected primary, and fails
 * over. `standalone` runs the primary alone.
 */
function setReplicationShape(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  at: Lookup,
  primary: string,
) {
  const { values, path } = source;
  setFacetFrom(
    builder,
    'topology',
    at(['architecture']),
    v => ({ replication: 'replicated', standalone: 'standalone' }[String(v)]),
    chartDefault(
      source,
      'replicated',
      'chart default: architecture replication',
    ),
  );
  const sentinel = scalarAt(values, ['sentinel', 'enabled']);
  const sentinelOn = sentinel ? asBoolean(sentinel.value) === true : false;
  const topology = builder.get('topology');
  if (topology === 'standalone') {
    const evidence = valuesEvidence(
      source,
      valueAt(values, ['architecture']),
      'standalone: the primary alone',
    );
    builder.set('replicas', 1, evidence);
    builder.set('failover', false, evidence);
    return;
  }
  if (topology !== 'replicated') {
    const evidence = fileEvidence(path, source.line, 'architecture unresolved');
    builder.unknown('replicas', evidence);
    builder.unknown('failover', evidence);
    return;
  }
  const count = at(['replica', 'replicaCount']);
  const replicas =
    count?.value.kind === 'scalar' ? asCount(count.value.value) : 3;
  if (replicas === undefined)
    builder.unknown(
      'replicas',
      valuesEvidence(source, count?.value, 'replica.replicaCount unresolved'),
    );
  else
    builder.set(
      'replicas',
      sentinelOn ? replicas : 1 + replicas,
      valuesEvidence(
        source,
        count?.value,
        `${
          sentinelOn
            ? `${replicas} nodes under Sentinel`
            : `${primary} and ${replicas} replica(s)`
        }${count ? '' : ' (chart default replica.replicaCount 3)'}`,
      ),
    );
  builder.set(
    'failover',
    sentinelOn,
    valuesEvidence(
      source,
      sentinel,
      sentinelOn
        ? 'Sentinel promotes a replica'
        : 'no Sentinel: replicas are not promoted by themselves',
    ),
  );
}

/** `cluster.nodes` (6) in shards of one primary and `cluster.replicas` (1) replicas. */
function setClusterShape(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  at: Lookup,
) {
  const count = (value: ReturnType<Lookup>, fallback: number) => {
    if (!value) return fallback;
    return value.value.kind === 'scalar'
      ? asCount(value.value.value)
      : undefined;
  };
  const nodesValue = at(['cluster', 'nodes']);
  const nodes = count(nodesValue, 6);
  const perShard = count(at(['cluster', 'replicas']), 1);
  const evidence = valuesEvidence(
    source,
    nodesValue?.value,
    `${nodes ?? '?'} nodes, ${perShard ?? '?'} replica(s) per primary${
      nodesValue ? '' : ' (chart defaults)'
    }`,
  );
  builder.set('topology', 'cluster', evidence);
  if (nodes === undefined || perShard === undefined) {
    builder.unknown('shards', evidence);
    builder.unknown('replicas', evidence);
  } else {
    builder.set('shards', Math.floor(nodes / (1 + perShard)), evidence);
    builder.set('replicas', 1 + perShard, evidence);
  }
  builder.set('failover', (perShard ?? 0) > 0, evidence);
}

/**
 * What the primary's volume keeps: the chart's configuration turns AOF on
 * and RDB off (`appendonly yes`, `save ""`) unless `commonConfiguration`
 * says otherwise; without a persistent volume nothing survives the pod.
 */
function setPersistence(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  cluster: boolean,
  primary: string,
) {
  const { values } = source;
  const volume = cluster
    ? scalarAt(values, ['persistence', 'enabled'])
    : scalarAt(values, [primary, 'persistence', 'enabled']) ??
      scalarAt(values, ['master', 'persistence', 'enabled']);
  if (volume && asBoolean(volume.value) === false) {
    builder.set(
      'persistence',
      'none',
      valuesEvidence(
        source,
        volume,
        'persistence disabled: files are written to an emptyDir',
      ),
    );
    return;
  }
  const configuration = scalarAt(values, ['commonConfiguration']);
  const text =
    configuration && typeof configuration.value === 'string'
      ? configuration.value
      : undefined;
  if (cluster) {
    const aof = scalarAt(values, ['redis', 'useAOFPersistence']);
    const on = aof ? asBoolean(aof.value) !== false : true;
    builder.set(
      'persistence',
      on ? 'aof' : 'rdb',
      valuesEvidence(
        source,
        aof ?? volume,
        aof
          ? 'redis.useAOFPersistence'
          : 'chart default: AOF on a persistent volume',
      ),
    );
    return;
  }
  if (!text) {
    builder.set(
      'persistence',
      'aof',
      valuesEvidence(
        source,
        volume,
        'chart default: appendonly yes, save "" on a persistent volume',
      ),
    );
    return;
  }
  if (hasPlaceholder(text)) {
    builder.unknown(
      'persistence',
      valuesEvidence(source, configuration, 'commonConfiguration unresolved'),
    );
    return;
  }
  const aof = /^\s*appendonly\s+yes\b/m.test(text);
  const rdbOff = /^\s*save\s+(""|'')\s*$/m.test(text);
  let value = rdbOff ? 'none' : 'rdb';
  if (aof) value = rdbOff ? 'aof' : 'aof+rdb';
  builder.set(
    'persistence',
    value,
    valuesEvidence(source, configuration, 'commonConfiguration'),
  );
}

/** An inline password is noted ("written inline"), never stored. */
function noteInlinePassword(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  cluster: boolean,
) {
  const password = scalarAt(
    source.values,
    cluster ? ['password'] : ['auth', 'password'],
  );
  if (
    builder.get('authentication') !== 'none' &&
    password &&
    typeof password.value === 'string' &&
    password.value &&
    !hasPlaceholder(password.value)
  )
    builder.set(
      'authentication',
      builder.get('authentication')!,
      valuesEvidence(
        source,
        password,
        'password written inline in the values (value not stored)',
      ),
    );
}
