import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { mapAt, stringAt, valueAt } from '../../parsing/configValue';
import { containerEnvironment } from '../../parsing/kubernetes';
import { fileEvidence } from '../shared/deploymentBuilder';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { imageNamed, setVersionFromImage } from '../shared/imageVersion';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import {
  workloadDeploymentSources,
  WorkloadDeploymentSource,
} from '../shared/workloadSources';
import { setMongodumpBackup } from './dumpBackup';
import { MONGODB_PLATFORM_ID } from './definition';
import {
  MONGODB_CLIENT_TOOLS,
  MONGODB_EXPORTER_IMAGES,
  MONGODB_SERVER_IMAGES,
  mongodSettings,
} from './mongodSettings';

/**
 * MongoDB run as a plain Kubernetes workload (StatefulSet, Deployment, Pod)
 * from a MongoDB image, with a mongodump CronJob in the same namespace
 * counted as its backup and an exporter sidecar or scrape annotation as
 * its monitoring.
 */
export function detectMongodbWorkloads(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return workloadDeploymentSources(
    repo,
    MONGODB_SERVER_IMAGES,
    MONGODB_CLIENT_TOOLS,
  ).map(describe);
}

function describe(source: WorkloadDeploymentSource): DetectedDeployment {
  const { object, container } = source;
  const path = object.path;
  const { builder } = kubernetesDeployment(
    MONGODB_PLATFORM_ID,
    object,
    'kubernetes-manifest',
  );
  const origin = fileEvidence(
    path,
    object.line,
    `${object.kind} ${object.name ?? ''}`,
  );
  if (container.image)
    setVersionFromImage(builder, { value: container.image, path });

  const environment = containerEnvironment(container);
  const settings = mongodSettings(environment, container.commandLine);
  const replicas = valueAt(object.root, ['spec', 'replicas']);
  if (object.kind === 'Pod') builder.set('replicas', 1, origin);
  else
    setFacetFrom(
      builder,
      'replicas',
      replicas && { value: replicas, path },
      asCount,
      {
        value: 1,
        path,
        line: object.line,
        note: 'spec.replicas defaults to 1',
      },
    );
  const topologyNote = settings.replicaSet
    ? `replica set ${settings.replicaSet}`
    : 'no --replSet';
  builder.set(
    'topology',
    settings.replicaSet ? 'replicaset' : 'standalone',
    fileEvidence(path, container.body.line, topologyNote),
  );

  const envLine = (key?: string) => {
    const entry = key ? environment.get(key) : undefined;
    return entry?.line ?? container.body.line;
  };
  builder.set(
    'authentication',
    settings.authentication.value,
    fileEvidence(
      path,
      envLine(settings.authentication.key),
      settings.authentication.because,
    ),
  );
  builder.set(
    'tls',
    settings.tls.value,
    fileEvidence(path, envLine(settings.tls.key), settings.tls.because),
  );

  const exporter = source.siblings.find(c =>
    imageNamed(c.image, MONGODB_EXPORTER_IMAGES),
  );
  const scrape = stringAt(
    mapAt(object.root, ['spec', 'template', 'metadata', 'annotations']),
    ['prometheus.io/scrape'],
  );
  if (exporter)
    builder.set(
      'monitoring',
      'prometheus',
      fileEvidence(path, exporter.body.line, 'exporter sidecar'),
    );
  else if (scrape === 'true')
    builder.set(
      'monitoring',
      'prometheus',
      fileEvidence(path, object.line, 'prometheus.io/scrape annotation'),
    );
  else
    builder.set(
      'monitoring',
      'none',
      fileEvidence(path, object.line, 'no exporter or scrape annotation'),
    );

  setMongodumpBackup(
    builder,
    source.objects,
    object,
    'no mongodump CronJob in the namespace',
  );
  return builder.build();
}
