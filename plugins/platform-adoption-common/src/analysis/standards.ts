import { FacetScalar } from '../domain/deployment';
import { FacetDefinition } from '../domain/platform';
import { compareVersions, parseVersion, versionDistance } from './versions';
import { FacetRequirement } from './types';

/** Position of a value's tier in a facet's `better` order (higher is better), or undefined. */
export function betterRank(facet: FacetDefinition, value: FacetScalar): number | undefined {
  if (!facet.better) return undefined;
  const index = facet.better.findIndex(tier =>
    Array.isArray(tier) ? tier.includes(value as string | boolean) : tier === value,
  );
  return index < 0 ? undefined : index;
}

/** A tier of a `better` order as people read it: `scram`, or `scram, x509 or iam`. */
export function describeTier(tier: string | boolean | Array<string | boolean>): FacetScalar {
  if (!Array.isArray(tier)) return tier;
  return tier.length === 1 ? tier[0] : `${tier.slice(0, -1).join(', ')} or ${tier[tier.length - 1]}`;
}

export function isUnacceptable(facet: FacetDefinition, value: FacetScalar): boolean {
  return facet.unacceptable?.includes(value as string | boolean) ?? false;
}

/**
 * Which way a value differs from another: unacceptable values first, then
 * the `better` order, then for versions by age.
 */
export function directionOf(
  facet: FacetDefinition,
  value: FacetScalar,
  reference: FacetScalar,
): 'worse' | 'better' | 'different' {
  const ownBad = isUnacceptable(facet, value);
  const theirsBad = isUnacceptable(facet, reference);
  if (ownBad !== theirsBad) return ownBad ? 'worse' : 'better';
  const own = betterRank(facet, value);
  const theirs = betterRank(facet, reference);
  if (own !== undefined && theirs !== undefined && own !== theirs) {
    return own > theirs ? 'better' : 'worse';
  }
  if (facet.kind === 'version') {
    const a = parseVersion(value);
    const b = parseVersion(reference);
    if (a && b) {
      const c = compareVersions(a, b);
      if (c !== 0) return c > 0 ? 'better' : 'worse';
    }
  }
  return 'different';
}

function satisfiesRange(value: FacetScalar, range: string): boolean {
  const version = parseVersion(value);
  if (!version) return false;
  return range
    .trim()
    .split(/\s+/)
    .every(comparator => {
      const match = /^(>=|<=|>|<|=)?(.+)$/.exec(comparator);
      const bound = match && parseVersion(match[2]);
      if (!bound) return false;
      const c = compareVersions(version, bound);
      switch (match![1]) {
        case '>=':
          return c >= 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '<':
          return c < 0;
        default:
          return c === 0;
      }
    });
}

export function satisfies(value: FacetScalar, requirement: FacetRequirement): boolean {
  if ('equals' in requirement) return value === requirement.equals;
  if ('oneOf' in requirement) return requirement.oneOf.includes(value);
  return satisfiesRange(value, requirement.versionRange);
}

/** A requirement as people read it: "continuous", "one of scram, x509", ">=7.0". */
export function describeRequirement(requirement: FacetRequirement): string {
  if ('equals' in requirement) return String(requirement.equals);
  if ('oneOf' in requirement) return `one of ${requirement.oneOf.join(', ')}`;
  return requirement.versionRange;
}

/**
 * How far a value is from meeting a requirement, in [0, 1]: version
 * distance to the range's lower bound, else 1.
 */
export function requirementGap(value: FacetScalar, requirement: FacetRequirement): number {
  if (satisfies(value, requirement)) return 0;
  if ('versionRange' in requirement) {
    const lower = /(?:>=|>)\s*([\d.]+)/.exec(requirement.versionRange);
    const a = parseVersion(value);
    const b = lower ? parseVersion(lower[1]) : undefined;
    if (a && b) return Math.max(0.05, versionDistance(a, b));
  }
  return 1;
}
