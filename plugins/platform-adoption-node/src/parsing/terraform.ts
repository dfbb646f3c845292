import { ConfigExpression, ConfigMap, ConfigValue } from './configValue';
import { blockAsValue, HclBlock, HclFile } from './hcl';

/**
 * A `resource` (or `data`) block of a Terraform module.
 *
 * @public
 */
export interface TerraformResource {
  mode: 'resource' | 'data';
  type: string;
  name: string;
  /** `type.name` (`data.type.name` for data sources), as other blocks refer to it. */
  address: string;
  /** File holding the block, relative to the repository root. */
  path: string;
  line: number;
  /** The block's attributes and nested blocks (see `blockAsValue`). */
  body: ConfigMap;
}

/**
 * A value traced to where it is written: the resource's own attribute, or
 * the `variable` default / `locals` entry / `.tfvars` line it came from.
 *
 * @public
 */
export interface TracedValue {
  value: ConfigValue;
  /** File where `value` is written. */
  path: string;
  /** How it was reached, e.g. `var.db_version`, when not written in place. */
  via?: string;
}

interface NamedValue {
  value: ConfigValue;
  path: string;
}

const MAX_RESOLUTION_DEPTH = 8;

/**
 * The `.tf` files of one directory, which Terraform reads as one module:
 * resources in one file see variables, locals and resources of the others.
 * Resolves `var.x` from the variable's default (or an auto-loaded
 * `terraform.tfvars` / `*.auto.tfvars`, which Terraform applies over it),
 * `local.x` from `locals` blocks, and `type.name.attr` from a sibling
 * resource's literal attribute; anything else stays unresolved.
 *
 * @public
 */
export class TerraformModule {
  readonly resources: TerraformResource[] = [];
  /** `provider` blocks by provider name (first unaliased one wins). */
  readonly providers = new Map<string, { body: ConfigMap; path: string }>();
  private readonly variables = new Map<string, NamedValue>();
  private readonly locals = new Map<string, NamedValue>();

  constructor(
    /** Directory relative to the repository root (`''` for the root). */
    readonly directory: string,
    readonly files: HclFile[],
  ) {
    const tfvars: HclFile[] = [];
    for (const file of files) {
      if (file.path.endsWith('.tfvars')) {
        tfvars.push(file);
        continue;
      }
      for (const block of file.blocks) this.addBlock(block, file.path);
    }
    // Terraform loads terraform.tfvars first, then *.auto.tfvars in name order.
    tfvars.sort(
      (a, b) =>
        tfvarsOrder(a.path) - tfvarsOrder(b.path) ||
        a.path.localeCompare(b.path),
    );
    for (const file of tfvars) {
      for (const [name, value] of file.attributes) {
        this.variables.set(name, { value, path: file.path });
      }
    }
  }

  private addBlock(block: HclBlock, path: string) {
    switch (block.type) {
      case 'resource':
      case 'data':
        if (block.labels.length >= 2) {
          const [type, name] = block.labels;
          const mode = block.type;
          this.resources.push({
            mode,
            type,
            name,
            address:
              mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`,
            path,
            line: block.line,
            body: blockAsValue(block),
          });
        }
        break;
      case 'variable': {
        const name = block.labels[0];
        const fallback = block.attributes.get('default');
        if (name && fallback && !this.variables.has(name)) {
          this.variables.set(name, { value: fallback, path });
        }
        break;
      }
      case 'locals':
        for (const [name, value] of block.attributes)
          this.locals.set(name, { value, path });
        break;
      case 'provider': {
        const name = block.labels[0];
        if (
          name &&
          !block.attributes.has('alias') &&
          !this.providers.has(name)
        ) {
          this.providers.set(name, { body: blockAsValue(block), path });
        }
        break;
      }
      default:
        break;
    }
  }

  resourcesOfType(...types: string[]): TerraformResource[] {
    return this.resources.filter(
      r => r.mode === 'resource' && types.includes(r.type),
    );
  }

  /**
   * The value of a resource attribute (a dotted path into the block),
   * resolved as far as the module allows.
   */
  attribute(
    resource: TerraformResource,
    path: string,
  ): TracedValue | undefined {
    const value = navigate(resource.body, path.split('.'));
    if (!value) return undefined;
    return this.resolve({ value, path: resource.path });
  }

  /** Resolves a value written in `path`; returns it unchanged when it cannot be. */
  resolve(traced: TracedValue, depth = 0): TracedValue {
    const { value } = traced;
    if (value.kind !== 'expression' || depth > MAX_RESOLUTION_DEPTH)
      return traced;
    if (value.template) return this.resolveTemplate(traced, value, depth);
    const reference = parseReference(value.text);
    if (!reference) return traced;
    const [head, ...rest] = reference;
    let target: NamedValue | undefined;
    let remaining: string[] = rest;
    if (head === 'var' || head === 'local') {
      const name = rest[0];
      target = (head === 'var' ? this.variables : this.locals).get(name);
      remaining = rest.slice(1);
    } else {
      const resource = this.resources.find(
        r => r.mode === 'resource' && r.type === head && r.name === rest[0],
      );
      if (resource) {
        target = { value: resource.body, path: resource.path };
        remaining = rest.slice(1);
      }
    }
    if (!target) return traced;
    const resolved = this.resolve(
      { value: target.value, path: target.path },
      depth + 1,
    );
    const found = navigate(resolved.value, remaining);
    if (!found) return traced;
    const final = this.resolve(
      { value: found, path: resolved.path },
      depth + 1,
    );
    if (final.value.kind === 'expression') return traced;
    return { value: final.value, path: final.path, via: value.text };
  }

  private resolveTemplate(
    traced: TracedValue,
    value: ConfigExpression,
    depth: number,
  ): TracedValue {
    let text = '';
    for (const part of value.template ?? []) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const inner = this.resolve(
        {
          value: {
            kind: 'expression',
            text: part.expression,
            line: value.line,
          },
          path: traced.path,
        },
        depth + 1,
      );
      if (inner.value.kind !== 'scalar' || inner.value.value === null)
        return traced;
      text += String(inner.value.value);
    }
    return {
      value: { kind: 'scalar', value: text, line: value.line },
      path: traced.path,
      via: value.text,
    };
  }

  /**
   * Whether `value` points at `resource`: a reference (`type.name.attr`) or,
   * for a literal, the resource's own `name` attribute, as joins such as
   * `cluster_name = "orders"` are written either way.
   */
  refersTo(
    value: ConfigValue | undefined,
    resource: TerraformResource,
    nameAttribute = 'name',
  ): boolean {
    if (!value) return false;
    if (value.kind === 'expression') {
      const reference = parseReference(value.text);
      if (
        reference &&
        reference[0] === resource.type &&
        reference[1] === resource.name
      ) {
        return true;
      }
      const own = navigate(resource.body, [nameAttribute]);
      if (own?.kind === 'expression' && own.text === value.text) return true;
    }
    const resolved = this.resolve({ value, path: resource.path });
    const name = this.attribute(resource, nameAttribute);
    return (
      resolved.value.kind === 'scalar' &&
      name?.value.kind === 'scalar' &&
      resolved.value.value !== null &&
      resolved.value.value === name.value.value
    );
  }

  /** Whether two values are the same reference or the same resolved literal. */
  sameValue(
    a: ConfigValue | undefined,
    b: ConfigValue | undefined,
    path: string,
  ): boolean {
    if (!a || !b) return false;
    if (a.kind === 'expression' && b.kind === 'expression' && a.text === b.text)
      return true;
    const ra = this.resolve({ value: a, path }).value;
    const rb = this.resolve({ value: b, path }).value;
    return (
      ra.kind === 'scalar' &&
      rb.kind === 'scalar' &&
      ra.value !== null &&
      ra.value === rb.value
    );
  }
}

function tfvarsOrder(path: string): number {
  return /(^|\/)terraform\.tfvars$/.test(path) ? 0 : 1;
}

/**
 * Splits a traversal such as `var.cfg.version`, `local.x["a"]` or
 * `aws_db_instance.main.id` into its steps; undefined for anything that
 * is not a plain traversal (function calls, operators, conditionals).
 */
function parseReference(text: string): string[] | undefined {
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*$/.test(text))
    return undefined;
  const steps: string[] = [];
  const pattern = /([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\]/g;
  for (const match of text.matchAll(pattern)) {
    steps.push(match[1] ?? match[2] ?? match[3]);
  }
  return steps;
}

function navigate(
  value: ConfigValue | undefined,
  steps: string[],
): ConfigValue | undefined {
  let current = value;
  for (const step of steps) {
    if (!current) return undefined;
    if (current.kind === 'map' && step === '0' && !current.entries.has('0')) {
      // `x.0.y` reads a nested block (a list) and the same written as an
      // object attribute alike.
      continue;
    } else if (current.kind === 'map') {
      current = current.entries.get(step);
    } else if (current.kind === 'list' && /^\d+$/.test(step)) {
      current = current.items[Number(step)];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Groups parsed HCL files into modules by directory.
 *
 * @public
 */
export function terraformModules(files: HclFile[]): TerraformModule[] {
  const byDirectory = new Map<string, HclFile[]>();
  for (const file of files) {
    const slash = file.path.lastIndexOf('/');
    const directory = slash === -1 ? '' : file.path.slice(0, slash);
    const list = byDirectory.get(directory) ?? [];
    list.push(file);
    byDirectory.set(directory, list);
  }
  return [...byDirectory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([directory, list]) => new TerraformModule(directory, list));
}
