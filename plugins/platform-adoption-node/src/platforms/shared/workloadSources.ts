import { ParsedRepository } from '../../detection/parsedRepository';
import {
  containersOf,
  KubernetesContainer,
  KubernetesObject,
  podSpecOf,
} from '../../parsing/kubernetes';
import { imageNamed } from './imageVersion';
import { reportMisshapenContainer } from './shapeProblems';

const WORKLOAD_KINDS = [
  'StatefulSet',
  'Deployment',
  'Pod',
  'DaemonSet',
  'ReplicaSet',
];

/** A plain Kubernetes workload running a platform's server image. */
export interface WorkloadDeploymentSource {
  object: KubernetesObject;
  container: KubernetesContainer;
  /** The pod's other containers (exporter sidecars). */
  siblings: KubernetesContainer[];
  /** Every Kubernetes object of the repository, for joins (backup CronJobs). */
  objects: KubernetesObject[];
}

/**
 * Whether a command line runs one of a platform's client tools (mongodump,
 * psql…) rather than the server, as jobs built on the server image do.
 */
export function runsClientTool(commandLine: string, tools: string[]): boolean {
  return tools.some(tool =>
    new RegExp(`(^|[\\s/;&|"'])${tool}(\\s|$|["'])`).test(commandLine),
  );
}

/**
 * Workloads (StatefulSet, Deployment, Pod…) with a container whose image is
 * one of `images` and that runs the server, not one of `clientTools`.
 */
export function workloadDeploymentSources(
  repo: ParsedRepository,
  images: string[],
  clientTools: string[],
): WorkloadDeploymentSource[] {
  const objects = repo.kubernetesObjects();
  const sources: WorkloadDeploymentSource[] = [];
  for (const object of objects) {
    if (!WORKLOAD_KINDS.includes(object.kind)) continue;
    const containers = containersOf(podSpecOf(object));
    containers.forEach(c => reportMisshapenContainer(repo, object, c));
    const container = containers.find(
      c =>
        imageNamed(c.image, images) &&
        !runsClientTool(c.commandLine, clientTools),
    );
    if (container) {
      sources.push({
        object,
        container,
        siblings: containers.filter(c => c !== container),
        objects,
      });
    }
  }
  return sources;
}

/**
 * CronJobs in a namespace whose command runs one of the given backup
 * programs (`mongodump`, `pg_dump`): a hand-made scheduled dump.
 */
export function backupCronJobs(
  objects: KubernetesObject[],
  namespace: string | undefined,
  programs: string[],
): KubernetesObject[] {
  return objects.filter(
    object =>
      object.kind === 'CronJob' &&
      (object.namespace ?? 'default') === (namespace ?? 'default') &&
      containersOf(podSpecOf(object)).some(container =>
        runsClientTool(container.commandLine, programs),
      ),
  );
}
