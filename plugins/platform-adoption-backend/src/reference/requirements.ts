import {
  FacetRequirement,
  ReferenceArchitectureVersion,
} from '@platform-adoption/plugin-platform-adoption-common';

/** A published reference as the analysis takes it: requirement per facet. */
export function requirementsOf(reference: ReferenceArchitectureVersion): Record<string, FacetRequirement> {
  return Object.fromEntries(Object.entries(reference.facets).map(([facet, f]) => [facet, f.requirement]));
}
