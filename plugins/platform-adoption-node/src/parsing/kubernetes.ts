import {
  ConfigMap,
  ConfigValue,
  listAt,
  mapAt,
  stringAt,
  valueAt,
} from './configValue';
import { ConfigDocument } from './yaml';

/**
 * A Kubernetes object found in a YAML document (`kind: List` items included).
 *
 * @public
 */
export interface KubernetesObject {
  path: string;
  apiVersion: string;
  /** API group: `apps`, `postgresql.cnpg.io`, `''` for the core group. */
  group: string;
  kind: string;
  name?: string;
  namespace?: string;
  labels: Map<string, string>;
  root: ConfigMap;
  line: number;
}

/**
 * The Kubernetes objects among a file's documents: anything with an
 * `apiVersion` and a `kind`.
 *
 * @public
 */
export function kubernetesObjects(
  documents: ConfigDocument[],
): KubernetesObject[] {
  const result: KubernetesObject[] = [];
  for (const document of documents) {
    collect(document.path, document.root, result);
  }
  return result;
}

function collect(
  path: string,
  root: ConfigValue | undefined,
  into: KubernetesObject[],
) {
  if (root?.kind !== 'map') return;
  const apiVersion = stringAt(root, ['apiVersion']);
  const kind = stringAt(root, ['kind']);
  if (!apiVersion || !kind) return;
  if (kind === 'List' || kind.endsWith('List')) {
    for (const item of listAt(root, ['items'])) collect(path, item, into);
    return;
  }
  const labels = new Map<string, string>();
  const labelMap = mapAt(root, ['metadata', 'labels']);
  for (const [key, value] of labelMap?.entries ?? []) {
    if (value.kind === 'scalar' && value.value !== null)
      labels.set(key, String(value.value));
  }
  const slash = apiVersion.indexOf('/');
  into.push({
    path,
    apiVersion,
    group: slash === -1 ? '' : apiVersion.slice(0, slash),
    kind,
    name: stringAt(root, ['metadata', 'name']),
    namespace: stringAt(root, ['metadata', 'namespace']),
    labels,
    root,
    line: root.line,
  });
}

/**
 * The pod template of a workload (Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, Job, CronJob) or a bare Pod's spec.
 *
 * @public
 */
export function podSpecOf(object: KubernetesObject): ConfigMap | undefined {
  switch (object.kind) {
    case 'Pod':
      return mapAt(object.root, ['spec']);
    case 'CronJob':
      return mapAt(object.root, [
        'spec',
        'jobTemplate',
        'spec',
        'template',
        'spec',
      ]);
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return mapAt(object.root, ['spec', 'template', 'spec']);
    default:
      return undefined;
  }
}

/**
 * The annotations of the pods a workload creates (its pod template's), or
 * a bare Pod's own: where sidecar injectors and scrapers read theirs.
 *
 * @public
 */
export function podAnnotationsOf(
  object: KubernetesObject,
): ConfigMap | undefined {
  switch (object.kind) {
    case 'Pod':
      return mapAt(object.root, ['metadata', 'annotations']);
    case 'CronJob':
      return mapAt(object.root, [
        'spec',
        'jobTemplate',
        'spec',
        'template',
        'metadata',
        'annotations',
      ]);
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return mapAt(object.root, [
        'spec',
        'template',
        'metadata',
        'annotations',
      ]);
    default:
      return undefined;
  }
}

/** @public */
export interface KubernetesContainer {
  name?: string;
  image?: ConfigValue;
  body: ConfigMap;
  /** `command` and `args` joined, for flag checks such as `--replSet`. */
  commandLine: string;
}

/** The (non-init) containers of a pod spec. @public */
export function containersOf(
  podSpec: ConfigMap | undefined,
): KubernetesContainer[] {
  return listAt(podSpec, ['containers'])
    .filter((c): c is ConfigMap => c.kind === 'map')
    .map(body => ({
      name: stringAt(body, ['name']),
      image: valueAt(body, ['image']),
      body,
      commandLine: [...listAt(body, ['command']), ...listAt(body, ['args'])]
        .map(item => (item.kind === 'scalar' ? String(item.value) : ''))
        .join(' '),
    }));
}

/**
 * A container's environment variables with literal values
 * (`valueFrom` entries are present with an undefined value).
 *
 * @public
 */
export function containerEnvironment(
  container: KubernetesContainer,
): Map<string, ConfigValue | undefined> {
  const result = new Map<string, ConfigValue | undefined>();
  for (const entry of listAt(container.body, ['env'])) {
    const name = stringAt(entry, ['name']);
    if (name) result.set(name, valueAt(entry, ['value']));
  }
  return result;
}
