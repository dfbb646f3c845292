import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ScanProblem } from '@platform-adoption/plugin-platform-adoption-common';

const MAX_REMEMBERED = 100_000;
const normalised = new Map<string, string | undefined>();

function parseRef(target: string, defaultKind: string): string | undefined {
  if (!target.trim()) return undefined;
  try {
    const { kind, namespace, name } = parseEntityRef(target, {
      defaultKind,
      defaultNamespace: 'default',
    });
    return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * `team-a`, `group:team-a` or `Group:Default/Team-A` → `group:default/team-a`:
 * the form every ref takes inside a scan. Undefined for anything that is not
 * a reference the catalog would accept.
 */
export function normalisedRef(
  target: unknown,
  defaultKind: string,
): string | undefined {
  if (typeof target !== 'string') return undefined;
  // A catalog names the same owners, systems and parents over and over:
  // each distinct reference is parsed once per many entities.
  const key = `${defaultKind}\u0000${target}`;
  if (normalised.has(key)) return normalised.get(key);
  const ref = parseRef(target, defaultKind);
  if (normalised.size >= MAX_REMEMBERED) normalised.clear();
  normalised.set(key, ref);
  return ref;
}


/** How a malformed value reads in a problem: never its text, which could be anything. */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'string') return `"${value.slice(0, 100)}"`;
  return typeof value === 'object' ? 'a map' : String(value);
}

/**
 * Reads a reference field of an entity's spec (`owner`, `parent`, `system`),
 * recording a problem naming the entity and the field when it is present
 * but not a reference: the deployments it owns then belong to no team,
 * which the reader of a rollup must be able to trace back.
 */
export function referenceField(
  entityRef: string,
  spec: Record<string, unknown>,
  field: string,
  defaultKind: string,
  problems: ScanProblem[],
): string | undefined {
  const value = spec[field];
  if (value === undefined || value === null) return undefined;
  const ref = normalisedRef(value, defaultKind);
  if (!ref) {
    problems.push({
      source: entityRef,
      message: `${entityRef}: spec.${field} ${shapeOf(
        value,
      )} is not an entity reference; it was ignored`,
    });
  }
  return ref;
}

/** A name for an entity the scan could not read, as close to its ref as it has. */
export function describeEntity(entity: Partial<Entity> | undefined): string {
  const kind = typeof entity?.kind === 'string' ? entity.kind : '?';
  const metadata = (entity?.metadata ?? {}) as Record<string, unknown>;
  const namespace =
    typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
  const name = typeof metadata.name === 'string' ? metadata.name : '?';
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}
