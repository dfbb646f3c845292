import { ParsedRepository } from '../../detection/parsedRepository';
import { composeServices } from '../../parsing/compose';
import { ConfigMap, ConfigValue, stringAt } from '../../parsing/configValue';
import {
  containerEnvironment,
  containersOf,
  KubernetesObject,
  kubernetesObjects,
  podSpecOf,
} from '../../parsing/kubernetes';
import { parseImageReference } from '../../parsing/imageReference';
import { ConfigDocument } from '../../parsing/yaml';
import {
  EnvironmentHint,
  kubernetesEnvironmentHints,
} from '../shared/environmentHints';
import { DeclaredFileSignal, DeclaredSelect } from './declaration';

/** One deployment's source: a document, a Compose service or a container of a workload. */
export interface DeclaredDocument {
  path: string;
  /** What facet paths are read from. */
  root: ConfigMap;
  /** What `container.…` paths are read from: the matched container or service. */
  container?: ConfigMap;
  line: number;
  key: string;
  name: string;
  compose: boolean;
  environmentHints: EnvironmentHint[];
}

/** Only YAML and JSON files are read; other files a glob matches are left alone. */
const READABLE = /\.(ya?ml|json)$/i;

/**
 * The documents of the repository a file signal selects: documents with the
 * given `apiVersion`/`kind`, the Compose services and Kubernetes containers
 * running the given `image`, or, without `select`, every document of the
 * matched files.
 */
export function declaredDocuments(
  repo: ParsedRepository,
  signal: DeclaredFileSignal,
): DeclaredDocument[] {
  const documents: DeclaredDocument[] = [];
  for (const path of repo.list(signal.globs).filter(p => READABLE.test(p))) {
    for (const document of repo.configDocuments(path)) {
      const root = document.root;
      if (root?.kind !== 'map') continue;
      const select = signal.select;
      if (select?.image) {
        documents.push(...imageDocuments(path, document, select.image));
      } else if (select?.apiVersion || select?.kind) {
        if (!matchesType(root, select)) continue;
        const object = kubernetesObjects([document])[0];
        documents.push(
          object
            ? objectDocument(object, root)
            : wholeDocument(path, root, document.index),
        );
      } else {
        documents.push(wholeDocument(path, root, document.index));
      }
    }
  }
  return documents;
}

function matchesType(root: ConfigMap, select: DeclaredSelect): boolean {
  const apiVersion = stringAt(root, ['apiVersion']) ?? '';
  const kind = stringAt(root, ['kind']);
  if (select.kind && kind !== select.kind) return false;
  if (!select.apiVersion) return true;
  // A group alone (`opensearch.opster.io`) matches each of its versions.
  return select.apiVersion.includes('/')
    ? apiVersion === select.apiVersion
    : apiVersion.split('/')[0] === select.apiVersion;
}

function wholeDocument(
  path: string,
  root: ConfigMap,
  index: number,
): DeclaredDocument {
  const stem = path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/\.(ya?ml|json)$/i, '');
  return {
    path,
    root,
    line: root.line,
    key: index === 0 ? path : `${path}#${index}`,
    name:
      stringAt(root, ['metadata', 'name']) ?? stringAt(root, ['name']) ?? stem,
    compose: false,
    environmentHints: [],
  };
}

function objectDocument(
  object: KubernetesObject,
  root: ConfigMap,
): DeclaredDocument {
  const name = object.name ?? object.kind;
  return {
    path: object.path,
    root,
    line: object.line,
    key: `${object.path}#${object.kind}/${
      object.namespace ?? 'default'
    }/${name}`,
    name,
    compose: false,
    environmentHints: kubernetesEnvironmentHints(object),
  };
}

/**
 * Whether an image reference runs the selected image: the repository as
 * written (`opensearchproject/opensearch`, registry optional), or any
 * reference starting with a prefix that ends in `/` or `:`.
 */
export function runsImage(reference: string, image: string): boolean {
  const parsed = parseImageReference(reference);
  if (!parsed) return false;
  const written = [
    parsed.reference,
    parsed.reference.replace(/^(docker\.io|index\.docker\.io)\//, ''),
  ];
  if (/[/:]$/.test(image)) return written.some(r => r.startsWith(image));
  const repositories = [
    parsed.repository,
    parsed.registry
      ? `${parsed.registry}/${parsed.repository}`
      : parsed.repository,
  ];
  return repositories.some(r => r === image || r.endsWith(`/${image}`));
}

/**
 * A container (or Compose service) with its variables as a map under
 * `environment`, whichever way they are written (a Compose list of
 * `KEY=value`, Kubernetes `env` entries), so `container.environment.KEY`
 * reads them all.
 */
function withEnvironment(
  body: ConfigMap,
  environment: Map<string, ConfigValue | undefined>,
): ConfigMap {
  const entries = new Map<string, ConfigValue>();
  for (const [key, value] of environment) if (value) entries.set(key, value);
  return {
    ...body,
    entries: new Map([
      ...body.entries,
      ['environment', { kind: 'map', entries, line: body.line }],
    ]),
  };
}

function imageOf(value: ConfigValue | undefined): string | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string'
    ? value.value
    : undefined;
}

function imageDocuments(
  path: string,
  document: ConfigDocument,
  image: string,
): DeclaredDocument[] {
  const found: DeclaredDocument[] = [];
  for (const service of composeServices(document) ?? []) {
    const reference = imageOf(service.image);
    if (!reference || !runsImage(reference, image)) continue;
    found.push({
      path,
      root: service.body,
      container: withEnvironment(service.body, service.environment),
      line: service.line,
      key: `${path}#${service.name}`,
      name: service.name,
      compose: true,
      environmentHints: [],
    });
  }
  for (const object of kubernetesObjects([document])) {
    for (const container of containersOf(podSpecOf(object))) {
      const reference = imageOf(container.image);
      if (!reference || !runsImage(reference, image)) continue;
      const base = objectDocument(object, object.root);
      found.push({
        ...base,
        container: withEnvironment(
          container.body,
          containerEnvironment(container),
        ),
        line: container.body.line,
        key: `${base.key}/${container.name ?? 'container'}`,
      });
    }
  }
  return found;
}
