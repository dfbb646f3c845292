import {
  describeRequirement,
  FacetDefinition,
  FacetRequirement,
  FacetScalar,
  PlatformDefinition,
  satisfies,
} from '@platform-adoption/plugin-platform-adoption-common';
import { PlatformRenderer, RenderForm, RenderRequest } from './types';

/** Combinations tried before giving up; forms have a handful of interacting facets. */
const MAX_STEPS = 20_000;

export type FormSolution =
  | { ok: true; values: Record<string, FacetScalar> }
  | { ok: false; problems: string[] };

/** Position of a value in a facet's `better` order (higher is better), or -1. */
function betterRank(
  facet: FacetDefinition | undefined,
  value: FacetScalar,
): number {
  return (
    facet?.better?.findIndex(tier =>
      Array.isArray(tier)
        ? tier.includes(value as string | boolean)
        : tier === value,
    ) ?? -1
  );
}

const titleOf = (platform: PlatformDefinition, facetId: string) =>
  (
    platform.facets.find(f => f.id === facetId)?.title ?? facetId
  ).toLocaleLowerCase('en-US');

/**
 * Chooses a concrete value for every facet a form states so that each one
 * meets the reference's requirement (and the values can be written
 * together), or says why the form cannot render the reference. Where the
 * reference allows several values the best by the facet's `better` order
 * wins, then the form's own preference.
 */
export function solveForm(
  renderer: PlatformRenderer,
  form: RenderForm,
  requirements: Record<string, FacetRequirement>,
  request: RenderRequest,
): FormSolution {
  const { platform, choices } = renderer;
  const problems: string[] = [];
  for (const [facetId, requirement] of Object.entries(requirements)) {
    if (!(facetId in form.facets)) {
      problems.push(
        `${form.title} does not state ${titleOf(
          platform,
          facetId,
        )}, which the reference requires as ${describeRequirement(
          requirement,
        )}`,
      );
    }
  }

  const order = Object.keys(form.facets);
  const askedFor = (facetId: string) => {
    if (facetId === choices.region?.facet) return request.region;
    if (facetId === choices.size?.facet) return request.size;
    return undefined;
  };
  const candidatesOf = (
    facetId: string,
    chosen: Record<string, FacetScalar>,
  ) => {
    const requirement = requirements[facetId];
    const facet = platform.facets.find(f => f.id === facetId);
    const candidates = form.facets[facetId]
      .candidates(requirement, { request, chosen })
      .filter(v => !requirement || satisfies(v, requirement));
    if (requirement && 'oneOf' in requirement) {
      // Stable: equally good values keep the form's order.
      return candidates
        .map((value, index) => ({
          value,
          index,
          rank: betterRank(facet, value),
        }))
        .sort((a, b) => b.rank - a.rank || a.index - b.index)
        .map(c => c.value);
    }
    return candidates;
  };

  for (const facetId of order) {
    const requirement = requirements[facetId];
    const asked = askedFor(facetId);
    // A facet the reference leaves open may go unwritten (shards of a replica set).
    if (
      (requirement || asked !== undefined) &&
      candidatesOf(facetId, {}).length === 0
    ) {
      problems.push(
        asked !== undefined
          ? `${form.title} cannot use ${titleOf(platform, facetId)} "${asked}"${
              requirement
                ? `: the reference requires ${describeRequirement(requirement)}`
                : ''
            }`
          : `${form.title} cannot state ${titleOf(platform, facetId)} as ${
              requirement ? describeRequirement(requirement) : 'any value'
            }`,
      );
    }
  }
  if (problems.length) return { ok: false, problems };

  let steps = 0;
  let lastConflict: string | undefined;
  const search = (
    index: number,
    chosen: Record<string, FacetScalar>,
  ): Record<string, FacetScalar> | undefined => {
    if (index === order.length) return chosen;
    const facetId = order[index];
    const candidates = candidatesOf(facetId, chosen);
    if (candidates.length === 0 && !requirements[facetId])
      return search(index + 1, chosen);
    for (const value of candidates) {
      if (++steps > MAX_STEPS) return undefined;
      const next = { ...chosen, [facetId]: value };
      const conflict = form.conflict?.(next);
      if (conflict) {
        lastConflict = conflict;
        continue;
      }
      const found = search(index + 1, next);
      if (found) return found;
    }
    return undefined;
  };
  const values = search(0, {});
  if (values) return { ok: true, values };
  return {
    ok: false,
    problems: [
      `${form.title} cannot combine the required values${
        lastConflict ? `: ${lastConflict}` : ''
      }`,
    ],
  };
}
