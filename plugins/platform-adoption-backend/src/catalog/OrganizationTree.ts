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
