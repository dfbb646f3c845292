import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  booleanAt,
  listAt,
  mapAt,
  scalarAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { setVersionFromImage } from '../shared/imageVersion';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import { POSTGRESQL_PLATFORM_ID } from './definition';
import { setPgHbaAuthentication } from './pgHba';

const GROUP = 'postgresql.cnpg.io';
const BARMAN_PLUGIN = 'barman-cloud.cloudnative-pg.io';

/**
 * CloudNativePG `Cluster` resources, joined with their `ScheduledBackup`s
 * (`spec.cluster.name`) and `PodMonitor`s (`cnpg.io/cluster` selector) in
 * the same namespace.
 */
export function detectCloudNativePg(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const objects = repo.kubernetesObjects();
  return objects
    .filter(object => object.group === GROUP && object.kind === 'Cluster')
    .map(cluster => describe(cluster, objects));
}

function sameNamespace(a: KubernetesObject, b: KubernetesObject): boolean {
  return (a.namespace ?? 'default') === (b.namespace ?? 'default');
}

function describe(
  cluster: KubernetesObject,
  objects: KubernetesObject[],
): DetectedDeployment {
  const { builder, at } = kubernetesDeployment(
    POSTGRESQL_PLATFORM_ID,
    cluster,
    'operator',
  );
  const path = cluster.path;
  builder.set('operator', 'cnpg', fileEvidence(path, cluster.line));

  const image = at(['spec', 'imageName']);
  const catalogMajor = at(['spec', 'imageCatalogRef', 'major']);
  if (image) setVersionFromImage(builder, image);
  else if (catalogMajor)
    setFacetFrom(builder, 'version', catalogMajor, v =>
      v === null ? undefined : String(v),
    );
  else
    builder.unknown(
      'version',
      fileEvidence(
        path,
        cluster.line,
        "no imageName: the operator's default image",
      ),
    );

  setFacetFrom(builder, 'replicas', at(['spec', 'instances']), asCount, {
    value: 1,
    path,
    line: cluster.line,
    note: 'spec.instances defaults to 1',
  });
  const replicas = builder.get('replicas');
  if (typeof replicas === 'number') {
    builder.set(
      'topology',
      replicas > 1 ? 'replicated' : 'standalone',
      fileEvidence(
        path,
        valueAt(cluster.root, ['spec', 'instances'])?.line ?? cluster.line,
        replicas > 1
          ? 'a primary and streaming standbys'
          : 'one instance: no standby',
      ),
    );
  } else {
    builder.unknown(
      'topology',
      fileEvidence(path, cluster.line, 'instances unresolved'),
    );
  }

  setBackup(builder, cluster, objects);
  setMonitoring(builder, cluster, objects);

  setPgHbaAuthentication(
    builder,
    path,
    listAt(cluster.root, ['spec', 'postgresql', 'pg_hba']),
    {
      line: cluster.line,
      note: 'CloudNativePG default pg_hba: scram-sha-256 passwords',
    },
  );

  builder.set(
    'tls',
    true,
    fileEvidence(
      path,
      cluster.line,
      'CloudNativePG issues certificates and always serves TLS',
    ),
  );
  return builder.build();
}

/**
 * WAL archiving to an object store (barman, in the Cluster or through the
 * Barman Cloud plugin) restores to any point in time: continuous. Volume
 * snapshots alone are snapshots.
 */
function setBackup(
  builder: DeploymentBuilder,
  cluster: KubernetesObject,
  objects: KubernetesObject[],
) {
  const path = cluster.path;
  const schedules = objects.filter(
    object =>
      object.group === GROUP &&
      object.kind === 'ScheduledBackup' &&
      sameNamespace(object, cluster) &&
      stringAt(object.root, ['spec', 'cluster', 'name']) === cluster.name,
  );
  schedules.forEach(schedule => builder.addFile(schedule.path));
  const barman = mapAt(cluster.root, ['spec', 'backup', 'barmanObjectStore']);
  const plugin = listAt(cluster.root, ['spec', 'plugins']).find(
    entry =>
      stringAt(entry, ['name']) === BARMAN_PLUGIN &&
      booleanAt(entry, ['isWALArchiver']) !== false,
  );
  const snapshots = mapAt(cluster.root, ['spec', 'backup', 'volumeSnapshot']);
  const scheduleNote = schedules.length
    ? `; ScheduledBackup ${schedules.map(s => s.name).join(', ')}`
    : '';
  if (barman || plugin) {
    const evidence = fileEvidence(
      path,
      (barman ?? plugin)!.line,
      `WAL archiving with ${
        barman ? 'barmanObjectStore' : 'the Barman Cloud plugin'
      }${scheduleNote}`,
    );
    builder.set('backup', 'continuous', evidence);
    builder.set('backupTool', 'barman', evidence);
  } else if (
    snapshots ||
    schedules.some(
      s => stringAt(s.root, ['spec', 'method']) === 'volumeSnapshot',
    )
  ) {
    const evidence = fileEvidence(
      path,
      snapshots?.line ?? cluster.line,
      `volume snapshots without WAL archiving${scheduleNote}`,
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'volume-snapshot', evidence);
  } else {
    const evidence = fileEvidence(
      path,
      cluster.line,
      'no backup section, plugin or ScheduledBackup',
    );
    builder.set('backup', 'none', evidence);
    builder.set('backupTool', 'none', evidence);
  }
}

function setMonitoring(
  builder: DeploymentBuilder,
  cluster: KubernetesObject,
  objects: KubernetesObject[],
) {
  const enabled = scalarAt(cluster.root, [
    'spec',
    'monitoring',
    'enablePodMonitor',
  ]);
  if (enabled && asBoolean(enabled.value)) {
    builder.set(
      'monitoring',
      'prometheus',
      fileEvidence(cluster.path, enabled.line, 'enablePodMonitor'),
    );
    return;
  }
  const podMonitor = objects.find(
    object =>
      object.kind === 'PodMonitor' &&
      sameNamespace(object, cluster) &&
      stringAt(object.root, [
        'spec',
        'selector',
        'matchLabels',
        'cnpg.io/cluster',
      ]) === cluster.name,
  );
  if (podMonitor) {
    builder.set(
      'monitoring',
      'prometheus',
      fileEvidence(
        podMonitor.path,
        podMonitor.line,
        `PodMonitor ${podMonitor.name}`,
      ),
    );
    return;
  }
  builder.set(
    'monitoring',
    'none',
    fileEvidence(
      cluster.path,
      cluster.line,
      'no PodMonitor scrapes the cluster',
    ),
  );
}
