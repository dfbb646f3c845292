import {
  compareVersions,
  FacetRequirement,
  FacetScalar,
  parseVersion,
  satisfies,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ChoiceContext, FacetCapability } from './types';

/*
 * Building blocks for what a form can write. Each turns a requirement into
 * the concrete values the form would write, most preferred first:
 * `equals` → that value, `oneOf` → the allowed values the form can write,
 * `versionRange` → the lowest known release in range (or the bound itself),
 * no requirement → the form's own preference. The solver drops any
 * candidate that does not satisfy the requirement, so a capability may be
 * generous.
 */

function allowed(
  requirement: FacetRequirement | undefined,
): FacetScalar[] | undefined {
  if (!requirement) return undefined;
  if ('equals' in requirement) return [requirement.equals];
  if ('oneOf' in requirement) return requirement.oneOf;
  return undefined;
}

/** A value the form always writes (provisioning `terraform`, TLS on Atlas). */
export function fixed(value: FacetScalar): FacetCapability {
  return { candidates: () => [value] };
}

/** One of a closed set of values, in the form's order of preference. */
export function oneOfValues(values: FacetScalar[]): FacetCapability {
  return {
    candidates(requirement) {
      const wanted = allowed(requirement);
      if (!wanted) return requirement ? [] : values;
      return wanted.filter(v => values.includes(v));
    },
  };
}

/** A whole number in a range; `preferred` when the reference leaves it open. */
export function count(options: {
  min: number;
  max: number;
  preferred: number[] | ((context: ChoiceContext) => number[]);
}): FacetCapability {
  const inRange = (v: FacetScalar) =>
    typeof v === 'number' &&
    Number.isInteger(v) &&
    v >= options.min &&
    v <= options.max;
  return {
    candidates(requirement, context) {
      const wanted = allowed(requirement);
      if (wanted) return wanted.filter(inRange);
      if (requirement) return [];
      const preferred =
        typeof options.preferred === 'function'
          ? options.preferred(context)
          : options.preferred;
      return preferred.filter(inRange);
    },
  };
}

/** The lower bound of a version range (`>=7.0` → `7.0`, `>15` → none). */
function lowerBound(range: string): string | undefined {
  const match = /(?:^|\s)>=\s*(\d+(?:\.\d+){0,2})/.exec(range);
  return match?.[1];
}

/**
 * A server version. `known` are releases the form can pin (oldest first);
 * `writable` says which texts the form can write at all (Atlas takes a
 * major such as `7.0`, an image tag takes `7.0.14`). A range takes the
 * lowest known release in it, else its lower bound; no requirement takes the
 * newest known release.
 */
export function version(options: {
  known: string[];
  writable: (value: string) => boolean;
}): FacetCapability {
  const known = [...options.known].sort((a, b) =>
    compareVersions(parseVersion(a)!, parseVersion(b)!),
  );
  const writable = (v: FacetScalar) =>
    typeof v === 'string' && options.writable(v);
  return {
    candidates(requirement) {
      if (!requirement) return known.slice(-1);
      if ('versionRange' in requirement) {
        const inRange = known.filter(v => satisfies(v, requirement));
        const bound = lowerBound(requirement.versionRange);
        return [...inRange, ...(bound && writable(bound) ? [bound] : [])];
      }
      return (allowed(requirement) ?? []).filter(writable);
    },
  };
}

/**
 * Free text such as a region or an instance size: what the person asked
 * for, else what the reference allows, else the form's default.
 */
export function text(options: {
  pattern: RegExp;
  requested?: (context: ChoiceContext) => string | undefined;
  fallback: (context: ChoiceContext) => string;
}): FacetCapability {
  const valid = (v: FacetScalar) =>
    typeof v === 'string' && options.pattern.test(v);
  return {
    candidates(requirement, context) {
      const asked = options.requested?.(context);
      if (asked !== undefined) return [asked].filter(valid);
      const wanted = allowed(requirement);
      if (wanted) return wanted.filter(valid);
      if (requirement) return [];
      return [options.fallback(context)].filter(valid);
    },
  };
}

/**
 * A facet listing methods (`monitoring`, `authentication`): `none`, or
 * methods the form can switch on, sorted and joined with `+` as the
 * detectors write them.
 */
export function methods(options: {
  methods: string[];
  preferred: string[];
  allowNone: boolean;
}): FacetCapability {
  const valid = (v: FacetScalar) => {
    if (typeof v !== 'string') return false;
    if (v === 'none') return options.allowNone;
    const parts = v.split('+');
    return (
      parts.every(p => options.methods.includes(p)) &&
      [...new Set(parts)].sort().join('+') === v
    );
  };
  return {
    candidates(requirement) {
      const wanted = allowed(requirement);
      if (wanted) return wanted.filter(valid);
      if (requirement) return [];
      return options.preferred.filter(valid);
    },
  };
}

/** The methods of a `+`-joined facet value (`none` has none). */
export function methodsOf(value: FacetScalar | undefined): string[] {
  return typeof value === 'string' && value !== 'none' ? value.split('+') : [];
}

/**
 * A facet the form writes only in some shapes (shards, for a sharded
 * cluster): no candidates otherwise, so it is left unwritten. While the
 * facets it depends on are not chosen yet, it answers as if it applied.
 */
export function onlyWhen(
  applies: (chosen: ChoiceContext['chosen']) => boolean | undefined,
  capability: FacetCapability,
): FacetCapability {
  return {
    candidates(requirement, context) {
      return applies(context.chosen) === false
        ? []
        : capability.candidates(requirement, context);
    },
  };
}

/**
 * A facet the form writes for one topology only (shards of a sharded
 * cluster, node groups in cluster mode), open until the topology is chosen.
 */
export function onlyForTopology(
  topology: string,
  capability: FacetCapability,
): FacetCapability {
  return onlyWhen(
    chosen =>
      chosen.topology === undefined ? undefined : chosen.topology === topology,
    capability,
  );
}
