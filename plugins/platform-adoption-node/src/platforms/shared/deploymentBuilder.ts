import {
  DeploymentKind,
  DetectedDeployment,
  Evidence,
  FacetScalar,
  FacetValue,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';

/** Evidence pointing at a file and line, with a note when the value is implied. */
export function fileEvidence(
  path: string,
  line?: number,
  note?: string,
): Evidence {
  return {
    kind: 'file',
    path,
    ...(line !== undefined ? { line } : {}),
    ...(note ? { note } : {}),
  };
}

/**
 * Collects one deployment's facets, each with its evidence, and the files
 * that contributed them.
 */
export class DeploymentBuilder {
  private readonly facets: Record<string, FacetValue> = {};
  private readonly files = new Set<string>();

  constructor(
    private readonly platform: string,
    private readonly kind: DeploymentKind,
    readonly key: string,
    readonly name: string,
    file: string,
  ) {
    this.files.add(file);
  }

  set(id: string, value: FacetScalar, evidence: Evidence): this {
    this.facets[id] = { value, evidence };
    if (evidence.kind === 'file') this.files.add(evidence.path);
    return this;
  }

  /** A facet the source leaves open (`${VAR}`, `var.x`, an unpinned image). */
  unknown(id: string, evidence: Evidence): this {
    return this.set(id, UNKNOWN, evidence);
  }

  /** Sets the facet only if no better-placed source set it already. */
  setDefault(id: string, value: FacetScalar, evidence: Evidence): this {
    return this.has(id) ? this : this.set(id, value, evidence);
  }

  has(id: string): boolean {
    return id in this.facets;
  }

  get(id: string): FacetScalar | undefined {
    return this.facets[id]?.value;
  }

  addFile(path: string): this {
    this.files.add(path);
    return this;
  }

  build(): DetectedDeployment {
    return {
      platform: this.platform,
      kind: this.kind,
      key: this.key,
      name: this.name,
      files: [...this.files].sort(),
      facets: { ...this.facets },
    };
  }
}
