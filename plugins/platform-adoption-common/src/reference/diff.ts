import { describeRequirement } from '../analysis/standards';
import { ReferenceArchitectureContent } from '../domain/reference';

export interface ReferenceChange {
  kind: 'facet' | 'variant' | 'practice' | 'text';
  subject: string;
  change: 'added' | 'removed' | 'changed';
  from?: string;
  to?: string;
}

/**
 * What changed between two versions of a reference architecture, in the
 * words a team reads in "upgrade available".
 */
export function diffReferences(
  from: ReferenceArchitectureContent,
  to: ReferenceArchitectureContent,
): ReferenceChange[] {
  const changes: ReferenceChange[] = [];
  const facetIds = [...new Set([...Object.keys(from.facets), ...Object.keys(to.facets)])].sort();
  for (const id of facetIds) {
    const a = from.facets[id] && describeRequirement(from.facets[id].requirement);
    const b = to.facets[id] && describeRequirement(to.facets[id].requirement);
    if (a === b) continue;
    let change: ReferenceChange['change'] = 'changed';
    if (!a) change = 'added';
    else if (!b) change = 'removed';
    changes.push({
      kind: 'facet',
      subject: id,
      change,
      ...(a ? { from: a } : {}),
      ...(b ? { to: b } : {}),
    });
  }
  const byId = <T>(items: T[], key: (t: T) => string) => new Map(items.map(i => [key(i), i]));
  const collections = [
    ['variant', byId(from.variants, v => v.id), byId(to.variants, v => v.id)],
    ['practice', byId(from.practices, p => p.title), byId(to.practices, p => p.title)],
  ] as const;
  for (const [kind, before, after] of collections) {
    for (const key of before.keys()) if (!after.has(key)) changes.push({ kind, subject: key, change: 'removed' });
    for (const key of after.keys()) if (!before.has(key)) changes.push({ kind, subject: key, change: 'added' });
  }
  for (const field of ['title', 'rationale', 'ownerRef'] as const) {
    if (from[field] !== to[field]) changes.push({ kind: 'text', subject: field, change: 'changed', from: from[field], to: to[field] });
  }
  return changes;
}
