import { OrgUnitNode } from '@platform-adoption/plugin-platform-adoption-common';

/** A group and every group below it, cycles in the catalog tolerated. */
export function groupWithDescendants(units: OrgUnitNode[], group: string): string[] {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (!unit.parentRef) continue;
    children.set(unit.parentRef, [...(children.get(unit.parentRef) ?? []), unit.ref]);
  }
  const found = new Set<string>();
  const stack = [group];
  while (stack.length) {
    const ref = stack.pop()!;
    if (found.has(ref)) continue;
    found.add(ref);
    stack.push(...(children.get(ref) ?? []));
  }
  return [...found];
}
