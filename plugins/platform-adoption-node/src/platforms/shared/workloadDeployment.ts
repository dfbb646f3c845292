import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  ConfigValue,
  mapAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import {
  containerEnvironment,
  KubernetesObject,
} from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';
import { imageNamed, setVersionFromImage } from './imageVersion';
import { kubernetesDeployment } from './kubernetesDeployment';
import { ServerAccessSettings, setServerAccess } from './serverAccess';
import { asCount, setFacetFrom } from './sourcedValue';
import {
  backupCronJobs,
  workloadDeploymentSources,
  WorkloadDeploymentSource,
} from './workloadSources';

/**
 * A scheduled dump as a server's backup: a CronJob in its namespace running
 * one of `programs`, recorded as `tool`.
 */
export interface DumpCronJob {
  programs: string[];
  tool: string;
  /** What the CronJob found does, for its evidence. */
  found: (cronJob: KubernetesObject) => string;
  /** Why there is no backup when no CronJob runs a dump. */
  none: string;
}

/**
 * Sets `backup` (snapshot) and `backupTool` from the first CronJob in the
 * server's namespace that runs the dump; otherwise records that there is none.
 */
export function setDumpCronJobBackup(
  builder: DeploymentBuilder,
  objects: KubernetesObject[],
  server: KubernetesObject,
  dump: DumpCronJob,
): void {
  const cronJob = backupCronJobs(objects, server.namespace, dump.programs)[0];
  if (cronJob) {
    const evidence = fileEvidence(
      cronJob.path,
      cronJob.line,
      dump.found(cronJob),
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', dump.tool, evidence);
  } else {
    builder.set(
      'backup',
      'none',
      fileEvidence(server.path, server.line, dump.none),
    );
    builder.set('backupTool', 'none', fileEvidence(server.path, server.line));
  }
}

/**
 * What sets one platform's plain Kubernetes workloads apart: its images,
 * how its server settings read, what its topology is and how it is dumped.
 * The rest (replicas, access, monitoring) reads the same for every
 * database run from its own image.
 */
export interface WorkloadServerProfile<Settings extends ServerAccessSettings> {
  platform: string;
  serverImages: string[];
  /** Client tools run from the server image (dump jobs), which are not servers. */
  clientTools: string[];
  /** Sidecar images that mean the server is scraped by Prometheus. */
  exporterImages: string[];
  settings(
    environment: Map<string, ConfigValue | undefined>,
    commandLine: string,
  ): Settings;
  topology(settings: Settings): { value: string; note: string };
  /** The note on a bare Pod's single replica, where the detector gives one. */
  podReplicaNote?: (object: KubernetesObject) => string;
  backup: DumpCronJob;
}

/**
 * Deployments of a database run as a plain Kubernetes workload
 * (StatefulSet, Deployment, Pod) from its server image: a dump CronJob in
 * the same namespace counted as its backup, an exporter sidecar or a scrape
 * annotation as its monitoring.
 */
export function detectWorkloadServers<Settings extends ServerAccessSettings>(
  repo: ParsedRepository,
  profile: WorkloadServerProfile<Settings>,
): DetectedDeployment[] {
  return workloadDeploymentSources(
    repo,
    profile.serverImages,
    profile.clientTools,
  ).map(source => describeWorkloadServer(source, profile));
}

function describeWorkloadServer<Settings extends ServerAccessSettings>(
  source: WorkloadDeploymentSource,
  profile: WorkloadServerProfile<Settings>,
): DetectedDeployment {
  const { object, container } = source;
  const path = object.path;
  const { builder } = kubernetesDeployment(
    profile.platform,
    object,
    'kubernetes-manifest',
  );
  if (container.image)
    setVersionFromImage(builder, { value: container.image, path });

  const environment = containerEnvironment(container);
  const settings = profile.settings(environment, container.commandLine);
  const replicas = valueAt(object.root, ['spec', 'replicas']);
  if (object.kind === 'Pod')
    builder.set(
      'replicas',
      1,
      fileEvidence(path, object.line, profile.podReplicaNote?.(object)),
    );
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
  const topology = profile.topology(settings);
  builder.set(
    'topology',
    topology.value,
    fileEvidence(path, container.body.line, topology.note),
  );
  setServerAccess(builder, path, settings, environment, container.body.line);

  const exporter = source.siblings.find(c =>
    imageNamed(c.image, profile.exporterImages),
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

  setDumpCronJobBackup(builder, source.objects, object, profile.backup);
  return builder.build();
}
