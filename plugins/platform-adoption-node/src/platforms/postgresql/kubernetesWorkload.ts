import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { mapAt, stringAt, valueAt } from '../../parsing/configValue';
import { containerEnvironment } from '../../parsing/kubernetes';
import { fileEvidence } from '../shared/deploymentBuilder';
import { imageNamed, setVersionFromImage } from '../shared/imageVersion';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import {
  backupCronJobs,
  workloadDeploymentSources,
  WorkloadDeploymentSource,
} from '../shared/workloadSources';
import { POSTGRESQL_PLATFORM_ID } from './definition';
import {
  POSTGRESQL_CLIENT_TOOLS,
  POSTGRESQL_EXPORTER_IMAGES,
  POSTGRESQL_SERVER_IMAGES,
  postgresContainerSettings,
} from './postgresSettings';

/**
 * PostgreSQL run as a plain Kubernetes workload from a PostgreSQL image,
 * with a pg_dump CronJob in the namespace counted as its backup.
 */
export function detectPostgresqlWorkloads(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return workloadDeploymentSources(
    repo,
    POSTGRESQL_SERVER_IMAGES,
    POSTGRESQL_CLIENT_TOOLS,
  ).map(describe);
}

function describe(source: WorkloadDeploymentSource): DetectedDeployment {
  const { object, container } = source;
  const path = object.path;
  const { builder } = kubernetesDeployment(
    POSTGRESQL_PLATFORM_ID,
    object,
    'kubernetes-manifest',
  );
  if (container.image)
    setVersionFromImage(builder, { value: container.image, path });

  const environment = containerEnvironment(container);
  const settings = postgresContainerSettings(
    environment,
    container.commandLine,
  );
  const replicas = valueAt(object.root, ['spec', 'replicas']);
  if (object.kind === 'Pod')
    builder.set('replicas', 1, fileEvidence(path, object.line));
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
  // Plain PostgreSQL pods do not replicate among themselves; only a replication setup does.
  builder.set(
    'topology',
    settings.replicated ? 'replicated' : 'standalone',
    fileEvidence(
      path,
      container.body.line,
      settings.replicated
        ? 'POSTGRESQL_REPLICATION_MODE'
        : 'no replication configured',
    ),
  );
  const envLine = (key?: string) =>
    (key ? environment.get(key)?.line : undefined) ?? container.body.line;
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
    imageNamed(c.image, POSTGRESQL_EXPORTER_IMAGES),
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

  const cronJob = backupCronJobs(source.objects, object.namespace, [
    'pg_dump',
    'pg_dumpall',
  ])[0];
  if (cronJob) {
    const evidence = fileEvidence(
      cronJob.path,
      cronJob.line,
      `CronJob ${cronJob.name} dumps the database`,
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'pg-dump-cronjob', evidence);
  } else {
    builder.set(
      'backup',
      'none',
      fileEvidence(path, object.line, 'no pg_dump CronJob in the namespace'),
    );
    builder.set('backupTool', 'none', fileEvidence(path, object.line));
  }
  return builder.build();
}
