import { ScanProblem } from '@platform-adoption/plugin-platform-adoption-common';

/** A group in the organisation: company, department, team… */
export interface OrgUnit {
  ref: string;
  parentRef?: string;
  title: string;
  type?: string;
}

/**
 * The group hierarchy (`spec.parent`) and user memberships, answering who
 * a deployment's owner rolls up to. Cycles and dangling parents in the
 * catalog are tolerated: a walk stops at the first group it has seen.
 */
export class OrganizationTree {
  private readonly units = new Map<string, OrgUnit>();
  private readonly userGroups = new Map<string, string[]>();

  addGroup(unit: OrgUnit) {
    this.units.set(unit.ref, unit);
  }

  addUser(userRef: string, groupRefs: string[]) {
    this.userGroups.set(userRef, groupRefs);
  }

  get groups(): OrgUnit[] {
    return [...this.units.values()];
  }

  get(ref: string): OrgUnit | undefined {
    return this.units.get(ref);
  }

  /**
   * The team accountable for something owned by `ownerRef`: the group
   * itself, or for a user the first group they belong to (sorted, so the
   * answer does not depend on catalog order).
   */
  teamOf(ownerRef: string | undefined): string | undefined {
    if (!ownerRef) return undefined;
    if (ownerRef.startsWith('user:')) {
      const groups = [...(this.userGroups.get(ownerRef) ?? [])].sort();
      return groups[0];
    }
    return ownerRef;
  }

  /** Whether the catalog has this group or user. */
  has(ref: string): boolean {
    return this.units.has(ref) || this.userGroups.has(ref);
  }

  /**
   * Parents that are not in the catalog, and each cycle of `spec.parent`
   * once, naming its groups: a cycle leaves its groups without a top, and
   * whoever reads a rollup must find out why.
   */
  problems(): ScanProblem[] {
    const problems: ScanProblem[] = [];
    for (const unit of this.units.values()) {
      if (unit.parentRef && !this.units.has(unit.parentRef)) {
        problems.push({
          source: unit.ref,
          message: `${unit.ref}: spec.parent ${unit.parentRef} is not a group in the catalog; the group rolls up to nothing above it`,
        });
      }
    }
    const settled = new Set<string>();
    for (const start of this.units.keys()) {
      const path: string[] = [];
      const onPath = new Set<string>();
      let current: string | undefined = start;
      while (current && this.units.has(current) && !settled.has(current) && !onPath.has(current)) {
        path.push(current);
        onPath.add(current);
        current = this.units.get(current)?.parentRef;
      }
      if (current && onPath.has(current)) {
        const cycle = path.slice(path.indexOf(current));
        problems.push({
          source: cycle[0],
          message: `groups ${[...cycle, cycle[0]].join(' → ')} form a cycle in spec.parent; rollups stop where a group repeats`,
        });
      }
      path.forEach(ref => settled.add(ref));
    }
    return problems;
  }

  /** The group and its ancestors, nearest first. */
  lineage(groupRef: string): string[] {
    const seen = new Set<string>();
    let current: string | undefined = groupRef;
    while (current && !seen.has(current)) {
      seen.add(current);
      current = this.units.get(current)?.parentRef;
    }
    return [...seen];
  }
}
