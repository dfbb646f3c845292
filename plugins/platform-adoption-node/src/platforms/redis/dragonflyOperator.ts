import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { listAt, mapAt, stringAt, valueAt } from '../../parsing/configValue';
import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { FoundMethod, setMethodsFacet } from '../shared/methodsFacet';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import { REDIS_PLATFORM_ID } from './definition';
import { setRedisVersionFromImage } from './distribution';
import { setRdbCronJobBackup } from './rdbBackup';

const GROUP = 'dragonflydb.io';

/**
 * Dragonfly operator `Dragonfly` resources: `replicas` instances (the
 * primary included) that the operator fails over, snapshots on a
 * `snapshot.cron` schedule to a claimed volume or, with `--dir s3://…`,
 * to object storage, which is a backup.
 */
export function detectDragonfly(repo: ParsedRepository): DetectedDeployment[] {
  const objects = repo.kubernetesObjects();
  return objects
    .filter(o => o.group === GROUP && o.kind === 'Dragonfly')
    .map(object => describe(object, objects));
}

function describe(
  object: KubernetesObject,
  objects: KubernetesObject[],
): DetectedDeployment {
  const { builder, at } = kubernetesDeployment(
    REDIS_PLATFORM_ID,
    object,
    'operator',
  );
  const path = object.path;
  builder.set(
    'distribution',
    'dragonfly',
    fileEvidence(path, object.line, 'Dragonfly'),
  );
  const image = at(['spec', 'image']);
  if (image) setRedisVersionFromImage(builder, image);
  else
    builder.unknown(
      'version',
      fileEvidence(
        path,
        object.line,
        "no spec.image: the operator's default image",
      ),
    );

  setFacetFrom(builder, 'replicas', at(['spec', 'replicas']), asCount, {
    value: 1,
    path,
    line: object.line,
    note: 'spec.replicas not set: one instance',
  });
  const replicas = builder.get('replicas');
  const shape = fileEvidence(
    path,
    valueAt(object.root, ['spec', 'replicas'])?.line ?? object.line,
    'the operator promotes a replica when the primary fails',
  );
  if (typeof replicas === 'number') {
    builder.set('topology', replicas > 1 ? 'replicated' : 'standalone', shape);
    builder.set('failover', replicas > 1, shape);
  } else {
    builder.unknown('topology', shape);
    builder.unknown('failover', shape);
  }

  const args = listAt(object.root, ['spec', 'args'])
    .map(a => (a.kind === 'scalar' ? String(a.value) : ''))
    .join(' ');
  const password = mapAt(object.root, [
    'spec',
    'authentication',
    'passwordFromSecret',
  ]);
  const clientCa = mapAt(object.root, [
    'spec',
    'authentication',
    'clientCaCertSecret',
  ]);
  const methods: FoundMethod[] = [];
  if (password || /--requirepass/.test(args))
    methods.push({
      method: 'password',
      path,
      line: (password ?? object.root).line,
    });
  if (clientCa) methods.push({ method: 'x509', path, line: clientCa.line });
  setMethodsFacet(builder, 'authentication', methods, {
    path,
    line: object.line,
    note: 'no authentication section: no password',
  });
  const tls = valueAt(object.root, ['spec', 'tlsSecretRef']);
  builder.set(
    'tls',
    tls !== undefined,
    fileEvidence(
      path,
      tls?.line ?? object.line,
      tls ? 'tlsSecretRef' : 'no tlsSecretRef',
    ),
  );

  setSnapshots(builder, object, args, objects);
  setMonitoring(builder, object, objects);
  return builder.build();
}

function setSnapshots(
  builder: DeploymentBuilder,
  object: KubernetesObject,
  args: string,
  objects: KubernetesObject[],
) {
  const path = object.path;
  const cron = valueAt(object.root, ['spec', 'snapshot', 'cron']);
  const claim = mapAt(object.root, [
    'spec',
    'snapshot',
    'persistentVolumeClaimSpec',
  ]);
  const bucket = /--dir[= ](s3|gs):\/\/\S+/.exec(args)?.[0];
  if (cron && (claim || bucket))
    builder.set(
      'persistence',
      'rdb',
      fileEvidence(
        path,
        cron.line,
        `snapshots on schedule ${stringAt(object.root, [
          'spec',
          'snapshot',
          'cron',
        ])}`,
      ),
    );
  else
    builder.set(
      'persistence',
      'none',
      fileEvidence(
        path,
        cron?.line ?? object.line,
        cron
          ? 'snapshot schedule without a volume or bucket'
          : 'no snapshot schedule',
      ),
    );
  if (cron && bucket) {
    const evidence = fileEvidence(
      path,
      cron.line,
      `snapshots written to ${bucket.replace(/^--dir[= ]/, '')}`,
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'dragonfly-snapshot-to-object-storage', evidence);
  } else setRdbCronJobBackup(builder, objects, object);
}

/** Dragonfly serves metrics itself; a PodMonitor or ServiceMonitor for its pods scrapes them. */
function setMonitoring(
  builder: DeploymentBuilder,
  object: KubernetesObject,
  objects: KubernetesObject[],
) {
  const monitor = objects.find(
    other =>
      (other.kind === 'PodMonitor' || other.kind === 'ServiceMonitor') &&
      (other.namespace ?? object.namespace ?? 'default') ===
        (object.namespace ?? 'default') &&
      stringAt(other.root, ['spec', 'selector', 'matchLabels', 'app']) ===
        object.name,
  );
  if (monitor) builder.addFile(monitor.path);
  builder.set(
    'monitoring',
    monitor ? 'prometheus' : 'none',
    monitor
      ? fileEvidence(
          monitor.path,
          monitor.line,
          `${monitor.kind} ${monitor.name}`,
        )
      : fileEvidence(
          object.path,
          object.line,
          'no PodMonitor or ServiceMonitor for its pods',
        ),
  );
}
