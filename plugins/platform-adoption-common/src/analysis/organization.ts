/** A group of the org tree as the analysis sees it. */
export interface OrgUnitNode {
  ref: string;
  parentRef?: string;
  title: string;
  type?: string;
}

/**
 * Ancestry lookups over the org tree, tolerant of cycles and of parents
 * the catalog does not know.
 */
export class OrgIndex {
  private readonly units = new Map<string, OrgUnitNode>();
  private readonly lineages = new Map<string, string[]>();

  constructor(units: OrgUnitNode[]) {
    for (const unit of units) this.units.set(unit.ref, unit);
  }

  get(ref: string) {
    return this.units.get(ref);
  }

  all() {
    return [...this.units.values()];
  }

  /** The group and every ancestor through `spec.parent`, nearest first. */
  lineage(ref: string): string[] {
    const cached = this.lineages.get(ref);
    if (cached) return cached;
    const seen: string[] = [];
    let current: string | undefined = ref;
    while (current && !seen.includes(current)) {
      seen.push(current);
      current = this.units.get(current)?.parentRef;
    }
    this.lineages.set(ref, seen);
    return seen;
  }
}
