import type {
  OrgUnitNode,
  RollupWithStage,
} from '@platform-adoption/plugin-platform-adoption-common';
import { shortRef } from '../shared/format';

/** An org unit with its platform figures and the units under it. */
export interface OrgTreeNode {
  ref: string;
  title: string;
  type?: string;
  rollup: RollupWithStage;
  children: OrgTreeNode[];
}

export type OrgSortKey =
  | 'title'
  | 'deployments'
  | 'production'
  | 'nonProduction'
  | 'teams'
  | 'snowflakes'
  | 'positiveDeviants';

/**
 * The org tree for one platform, keeping only units where it is used: each
 * unit under its nearest ancestor that has figures (a unit whose parent is
 * unknown or unused becomes a root). Siblings are sorted by `sortKey`.
 */
export function buildOrgTree(
  orgUnits: OrgUnitNode[],
  rollups: RollupWithStage[],
  sortKey: OrgSortKey = 'deployments',
  order: 'asc' | 'desc' = 'desc',
): OrgTreeNode[] {
  const rollupByRef = new Map(
    rollups.filter(r => r.orgRef !== '*').map(r => [r.orgRef, r]),
  );
  const unitByRef = new Map(orgUnits.map(u => [u.ref, u]));
  const nodes = new Map<string, OrgTreeNode>();
  for (const [ref, rollup] of rollupByRef) {
    const unit = unitByRef.get(ref);
    nodes.set(ref, {
      ref,
      title: unit?.title ?? shortRef(ref),
      type: unit?.type,
      rollup,
      children: [],
    });
  }

  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    let parentRef = unitByRef.get(node.ref)?.parentRef;
    const seen = new Set([node.ref]);
    while (parentRef && !nodes.has(parentRef) && !seen.has(parentRef)) {
      seen.add(parentRef);
      parentRef = unitByRef.get(parentRef)?.parentRef;
    }
    const parent = parentRef && !seen.has(parentRef) ? nodes.get(parentRef) : undefined;
    (parent ? parent.children : roots).push(node);
  }

  const direction = order === 'asc' ? 1 : -1;
  const compare = (a: OrgTreeNode, b: OrgTreeNode) => {
    const byKey =
      sortKey === 'title'
        ? a.title.localeCompare(b.title)
        : a.rollup[sortKey] - b.rollup[sortKey];
    return byKey * direction || a.title.localeCompare(b.title);
  };
  const sortTree = (list: OrgTreeNode[]) => {
    list.sort(compare);
    list.forEach(n => sortTree(n.children));
  };
  sortTree(roots);
  return roots;
}

/**
 * The refs to show when searching: every unit whose title or ref matches,
 * with its ancestors, so matches appear in place.
 */
export function matchingRefs(roots: OrgTreeNode[], text: string): Set<string> {
  const needle = text.trim().toLocaleLowerCase();
  const result = new Set<string>();
  const visit = (node: OrgTreeNode, ancestors: string[]): boolean => {
    const self =
      node.title.toLocaleLowerCase().includes(needle) ||
      node.ref.toLocaleLowerCase().includes(needle);
    let below = false;
    for (const child of node.children) {
      below = visit(child, [...ancestors, node.ref]) || below;
    }
    if (self || below) {
      result.add(node.ref);
      ancestors.forEach(a => result.add(a));
    }
    return self || below;
  };
  roots.forEach(r => visit(r, []));
  return result;
}

/** Every ref in the tree that has children: what "expand all" opens. */
export function expandableRefs(roots: OrgTreeNode[]): string[] {
  const refs: string[] = [];
  const visit = (node: OrgTreeNode) => {
    if (node.children.length) refs.push(node.ref);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return refs;
}
