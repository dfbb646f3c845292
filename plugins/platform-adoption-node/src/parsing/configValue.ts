/**
 * One model for every configuration source (YAML, JSON, HCL), so detectors
 * walk a Helm values file and a Terraform block with the same helpers and
 * every value keeps the line it came from.
 */

/**
 * What every value has: its line, and, only in a tree merged from several
 * files (Helm values layered over each other), the file it comes from,
 * which evidence must point at.
 *
 * @public
 */
export interface ConfigValueBase {
  /** 1-based line of the value (of its key, for a map entry). */
  line: number;
  source?: string;
}

/** @public */
export type ConfigScalarValue = string | number | boolean | null;

/** A literal value as written. @public */
export interface ConfigScalar extends ConfigValueBase {
  kind: 'scalar';
  value: ConfigScalarValue;
  /** 1-based line of the value (of its key, for a map entry). */
  line: number;
}

/** @public */
export interface ConfigMap extends ConfigValueBase {
  kind: 'map';
  entries: Map<string, ConfigValue>;
  line: number;
}

/** @public */
export interface ConfigList extends ConfigValueBase {
  kind: 'list';
  items: ConfigValue[];
  line: number;
}

/**
 * A value only known when the configuration runs: an HCL reference or
 * function call (`var.x`, `local.y`, `aws_db_instance.main.id`) or a
 * template (`"${var.env}-db"`). Never guessed at; facets built from it are
 * `unknown` unless a resolver can prove the value.
 *
 * @public
 */
export interface ConfigExpression extends ConfigValueBase {
  kind: 'expression';
  /** The expression's source text. */
  text: string;
  /** For a string template: its literal pieces and interpolated expressions. */
  template?: Array<string | { expression: string }>;
  line: number;
}

/** @public */
export type ConfigValue =
  | ConfigScalar
  | ConfigMap
  | ConfigList
  | ConfigExpression;

/** A path into a value: map keys, and list indexes as numbers. @public */
export type ConfigPath = Array<string | number> | string;

function segments(path: ConfigPath): Array<string | number> {
  if (typeof path !== 'string') return path;
  return path
    .split('.')
    .filter(s => s.length > 0)
    .map(s => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The value at a path (`'spec.values.auth.enabled'` or
 * `['metadata', 'labels', 'app.kubernetes.io/name']` for keys with dots).
 *
 * @public
 */
export function valueAt(
  root: ConfigValue | undefined,
  path: ConfigPath,
): ConfigValue | undefined {
  let current: ConfigValue | undefined = root;
  for (const segment of segments(path)) {
    if (!current) return undefined;
    if (current.kind === 'map' && typeof segment === 'string') {
      current = current.entries.get(segment);
    } else if (current.kind === 'list' && typeof segment === 'number') {
      current = current.items[segment];
    } else if (current.kind === 'map' && typeof segment === 'number') {
      current = current.entries.get(String(segment));
    } else {
      return undefined;
    }
  }
  return current;
}

/** @public */
export function mapAt(
  root: ConfigValue | undefined,
  path: ConfigPath,
): ConfigMap | undefined {
  const value = valueAt(root, path);
  return value?.kind === 'map' ? value : undefined;
}

/**
 * The items at a path: a list's items, or a lone map as a one-item list
 * (Terraform writes one nested block and a list of them the same way).
 *
 * @public
 */
export function listAt(
  root: ConfigValue | undefined,
  path: ConfigPath,
): ConfigValue[] {
  const value = valueAt(root, path);
  if (!value) return [];
  if (value.kind === 'list') return value.items;
  if (value.kind === 'map') return [value];
  return [];
}

/** The literal at a path, if it is one. @public */
export function scalarAt(
  root: ConfigValue | undefined,
  path: ConfigPath,
): ConfigScalar | undefined {
  const value = valueAt(root, path);
  return value?.kind === 'scalar' ? value : undefined;
}

/** The literal at a path as text (numbers and booleans as written). @public */
export function stringAt(
  root: ConfigValue | undefined,
  path: ConfigPath,
): string | undefined {
  const scalar = scalarAt(root, path);
  if (!scalar || scalar.value === null) return undefined;
  return String(scalar.value);
}

/**
 * The boolean at a path, accepting the spellings YAML 1.1 tools and
 * string-typed Helm values use (`"true"`, `"yes"`, `on`).
 *
 * @public
 */
export function booleanAt(
  root: ConfigValue | undefined,
  path: ConfigPath,
): boolean | undefined {
  const scalar = scalarAt(root, path);
  return scalar ? asBoolean(scalar.value) : undefined;
}

/** @public */
export function asBoolean(value: ConfigScalarValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(lower)) return true;
    if (['false', 'no', 'off', '0'].includes(lower)) return false;
  }
  if (typeof value === 'number') return value !== 0;
  return undefined;
}

/** The number at a path, accepting numeric strings. @public */
export function numberAt(
  root: ConfigValue | undefined,
  path: ConfigPath,
): number | undefined {
  const scalar = scalarAt(root, path);
  return scalar ? asNumber(scalar.value) : undefined;
}

/** @public */
export function asNumber(value: ConfigScalarValue): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    return Number(value);
  }
  return undefined;
}

/**
 * Whether a value can only be known at deploy time: an HCL expression, or a
 * string carrying a substitution placeholder (`${VAR}` for compose, Flux
 * post-build substitution and envsubst; `{{ .Values.x }}` for templates).
 *
 * @public
 */
export function isUnresolved(value: ConfigValue | undefined): boolean {
  if (!value) return false;
  if (value.kind === 'expression') return true;
  return (
    value.kind === 'scalar' &&
    typeof value.value === 'string' &&
    hasPlaceholder(value.value)
  );
}

/** @public */
export function hasPlaceholder(text: string): boolean {
  return /\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*\b|\{\{.*\}\}/.test(text);
}

/** A short description of a value for evidence notes (`var.x`, `${MONGO_VERSION}`). @public */
export function describeValue(value: ConfigValue): string {
  switch (value.kind) {
    case 'expression':
      return value.text;
    case 'scalar':
      return String(value.value);
    case 'map':
      return '{…}';
    default:
      return '[…]';
  }
}

/**
 * A plain JavaScript view of a value (expressions as their text), for
 * checks that need no lines.
 *
 * @public
 */
export function toPlain(value: ConfigValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'expression':
      return value.text;
    case 'list':
      return value.items.map(toPlain);
    default: {
      const result: Record<string, unknown> = {};
      for (const [key, entry] of value.entries) result[key] = toPlain(entry);
      return result;
    }
  }
}

/**
 * Every value in a tree with its path, depth-first, for detectors that look
 * for something wherever it is (a container image anywhere in a pod spec).
 *
 * @public
 */
export function* walkValues(
  root: ConfigValue | undefined,
  path: Array<string | number> = [],
): Generator<{ path: Array<string | number>; value: ConfigValue }> {
  if (!root) return;
  yield { path, value: root };
  if (root.kind === 'map') {
    for (const [key, entry] of root.entries)
      yield* walkValues(entry, [...path, key]);
  } else if (root.kind === 'list') {
    for (let i = 0; i < root.items.length; i++)
      yield* walkValues(root.items[i], [...path, i]);
  }
}

/**
 * Like `valueAt`, but a list met where a key is expected stands for its
 * first item. Terraform reads a nested block (`electable_specs { … }`, a
 * list here) and the attribute form (`electable_specs = { … }`) alike;
 * so does this.
 *
 * @public
 */
export function nestedAt(
  root: ConfigValue | undefined,
  path: ConfigPath,
): ConfigValue | undefined {
  let current: ConfigValue | undefined = root;
  for (const segment of segments(path)) {
    if (current?.kind === 'list' && typeof segment === 'string')
      current = current.items[0];
    current = valueAt(current, [segment]);
  }
  return current;
}

/**
 * Layers `overlay` over `base` the way Helm merges values files given with
 * several `-f`: maps merge key by key, anything else in the overlay
 * replaces the base. Every value remembers the file it came from.
 *
 * @public
 */
export function layerConfigMaps(
  base: ConfigMap,
  basePath: string,
  overlay: ConfigMap,
  overlayPath: string,
): ConfigMap {
  const merged: ConfigMap = {
    kind: 'map',
    entries: new Map(),
    line: base.line,
    source: base.source ?? basePath,
  };
  for (const [key, value] of base.entries)
    merged.entries.set(key, withSource(value, basePath));
  for (const [key, value] of overlay.entries) {
    const existing = merged.entries.get(key);
    if (existing?.kind === 'map' && value.kind === 'map') {
      merged.entries.set(
        key,
        layerConfigMaps(
          existing,
          existing.source ?? basePath,
          value,
          value.source ?? overlayPath,
        ),
      );
    } else {
      merged.entries.set(key, withSource(value, overlayPath));
    }
  }
  return merged;
}

function withSource<T extends ConfigValue>(value: T, path: string): T {
  if (value.source) return value;
  if (value.kind === 'map') {
    const entries = new Map<string, ConfigValue>();
    for (const [key, entry] of value.entries)
      entries.set(key, withSource(entry, path));
    return { ...value, entries, source: path };
  }
  if (value.kind === 'list') {
    return {
      ...value,
      items: value.items.map(item => withSource(item, path)),
      source: path,
    };
  }
  return { ...value, source: path };
}
