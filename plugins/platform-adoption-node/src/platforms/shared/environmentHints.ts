import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { ConfigValue, hasPlaceholder, mapAt } from '../../parsing/configValue';
import { KubernetesObject } from '../../parsing/kubernetes';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';
import {
  ENVIRONMENT_KEYS,
  environmentFromName,
  environmentFromPath,
} from './environment';

/** A place that may state the environment, most explicit first. */
export interface EnvironmentHint {
  text: string | undefined;
  path: string;
  line?: number;
  /** What the text is, for the evidence note: `label env`, `namespace`. */
  what: string;
}

/**
 * Sets `environment` from the first hint that states one, then from the
 * file's location; `unknown` when nothing does (never a guess), unless the
 * form has a documented convention (`fallback`, e.g. compose → development).
 */
export function setEnvironment(
  builder: DeploymentBuilder,
  hints: EnvironmentHint[],
  path: string,
  fallback?: { value: string; note: string },
): void {
  for (const hint of hints) {
    if (!hint.text || hasPlaceholder(hint.text)) continue;
    const value = environmentFromName(hint.text);
    if (value) {
      builder.set(
        'environment',
        value,
        fileEvidence(hint.path, hint.line, `${hint.what} "${hint.text}"`),
      );
      return;
    }
  }
  const fromPath = environmentFromPath(path);
  if (fromPath) {
    builder.set(
      'environment',
      fromPath.value,
      fileEvidence(path, undefined, `file location "${fromPath.from}"`),
    );
    return;
  }
  if (fallback) {
    builder.set(
      'environment',
      fallback.value,
      fileEvidence(path, undefined, fallback.note),
    );
    return;
  }
  builder.set(
    'environment',
    UNKNOWN,
    fileEvidence(
      path,
      undefined,
      'no label, tag, namespace or path names an environment',
    ),
  );
}

/** Environment labels, then the namespace, of a Kubernetes object. */
export function kubernetesEnvironmentHints(
  object: KubernetesObject,
  namespace = object.namespace,
): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  const labels = mapAt(object.root, ['metadata', 'labels']);
  for (const key of ENVIRONMENT_KEYS) {
    const label = labels?.entries.get(key);
    if (label?.kind === 'scalar' && label.value !== null) {
      hints.push({
        text: String(label.value),
        path: object.path,
        line: label.line,
        what: `label ${key}`,
      });
    }
  }
  if (namespace) {
    hints.push({
      text: namespace,
      path: object.path,
      line: object.root.entries.get('metadata')?.line,
      what: 'namespace',
    });
  }
  return hints;
}

/**
 * Environment tags or labels of a Terraform resource (`tags`, `labels`,
 * `user_labels`, Atlas `tags`/`labels` blocks), then module variables
 * named like an environment.
 */
export function terraformEnvironmentHints(
  module: TerraformModule,
  resource: TerraformResource,
  tagPaths: string[] = [
    'tags',
    'labels',
    'user_labels',
    'settings.0.user_labels',
  ],
): EnvironmentHint[] {
  const hints: EnvironmentHint[] = [];
  for (const tagPath of tagPaths) {
    const traced = module.attribute(resource, tagPath);
    if (!traced) continue;
    for (const [key, value] of tagEntries(traced.value)) {
      if (!ENVIRONMENT_KEYS.includes(key)) continue;
      const resolved = module.resolve({ value, path: traced.path });
      if (resolved.value.kind === 'scalar' && resolved.value.value !== null) {
        hints.push({
          text: String(resolved.value.value),
          path: resolved.path,
          line: resolved.value.line,
          what: `tag ${key}`,
        });
      }
    }
  }
  // AWS applies a provider's default_tags to every resource it creates.
  const provider = module.providers.get(resource.type.split('_')[0]);
  const defaultTags = provider?.body.entries.get('default_tags');
  const defaultTagMap =
    defaultTags?.kind === 'list' ? defaultTags.items[0] : undefined;
  const tags =
    defaultTagMap?.kind === 'map'
      ? defaultTagMap.entries.get('tags')
      : undefined;
  for (const [key, value] of tags ? tagEntries(tags) : []) {
    if (!ENVIRONMENT_KEYS.includes(key)) continue;
    const resolved = module.resolve({ value, path: provider!.path });
    if (resolved.value.kind === 'scalar' && resolved.value.value !== null) {
      hints.push({
        text: String(resolved.value.value),
        path: resolved.path,
        line: resolved.value.line,
        what: `provider default tag ${key}`,
      });
    }
  }
  for (const name of ['environment', 'env', 'stage']) {
    const resolved = module.resolve({
      value: { kind: 'expression', text: `var.${name}`, line: resource.line },
      path: resource.path,
    });
    if (resolved.value.kind === 'scalar' && resolved.value.value !== null) {
      hints.push({
        text: String(resolved.value.value),
        path: resolved.path,
        line: resolved.value.line,
        what: `variable ${name}`,
      });
    }
  }
  return hints;
}

/** Tags as a map (`tags = { env = "prod" }`) or as Atlas key/value blocks. */
function tagEntries(value: ConfigValue): Array<[string, ConfigValue]> {
  if (value.kind === 'map') return [...value.entries];
  if (value.kind === 'list') {
    const entries: Array<[string, ConfigValue]> = [];
    for (const item of value.items) {
      const key = item.kind === 'map' ? item.entries.get('key') : undefined;
      const tagValue =
        item.kind === 'map' ? item.entries.get('value') : undefined;
      if (key?.kind === 'scalar' && tagValue)
        entries.push([String(key.value), tagValue]);
    }
    return entries;
  }
  return [];
}
