/**
 * A facet value that could not be resolved from the source (`${VAR}`,
 * `var.x` without a default). Never replaced by a guess.
 *
 * @public
 */
export const UNKNOWN = 'unknown';

/**
 * Stands where a credential-looking value was found; the value itself never
 * leaves the detector.
 *
 * @public
 */
export const REDACTED = '<redacted>';

/** @public */
export type FacetScalar = string | number | boolean;

/**
 * Where a facet value came from, so every number in the UI can be traced.
 *
 * @public
 */
export type Evidence =
  | {
      kind: 'file';
      /** Path relative to the repository root. */
      path: string;
      /** 1-based line of the value (or of the block that implies it). */
      line?: number;
      /** Link to the file at that line in its source host, when known. */
      url?: string;
      /** A short note when the value is implied rather than written, e.g. "Atlas default". */
      note?: string;
    }
  | {
      kind: 'entity';
      entityRef: string;
      /** Dotted path into the entity, e.g. `spec.type` or `metadata.tags`. */
      field: string;
      note?: string;
    };

/** @public */
export interface FacetValue {
  value: FacetScalar;
  evidence: Evidence;
}

/**
 * What a deployment is: a running server configuration, or only a client
 * library that shows the platform is used (e.g. a driver in package.json).
 *
 * @public
 */
export type DeploymentKind = 'server' | 'client';

/**
 * One deployment of a platform as a detector reports it, before ownership
 * and organisation are resolved.
 *
 * @public
 */
export interface DetectedDeployment {
  platform: string;
  kind: DeploymentKind;
  /**
   * Stable within its repository or entity across scans, e.g.
   * `terraform/main.tf#mongodbatlas_advanced_cluster.orders`.
   */
  key: string;
  /** A human name, e.g. the cluster's name. */
  name: string;
  /** Files (relative to the repository root) that contributed facets. */
  files: string[];
  facets: Record<string, FacetValue>;
}

/**
 * A problem reading or parsing one input; the scan goes on without it.
 *
 * @public
 */
export interface ScanProblem {
  /** The repository (or entity ref) the input belongs to. */
  source: string;
  /** The file within the repository, when the problem is a file's. */
  file?: string;
  message: string;
}

/**
 * A deployment after the scan resolved who owns it and where it sits in the
 * organisation and the catalog.
 *
 * @public
 */
export interface Deployment extends DetectedDeployment {
  /** Stable across scans: the same configuration keeps its id. */
  id: string;
  /** The catalog entity it belongs to (the component behind the repository, or a Resource). */
  entityRef?: string;
  /** The repository (source location URL) it was found in. */
  repository?: string;
  ownerRef?: string;
  /** The owning group, or the group of an owning user. */
  teamRef?: string;
  systemRef?: string;
  domainRef?: string;
  /** `production`, `staging`, … from the facet, else the entity's lifecycle. */
  environment?: string;
  /** The Resource entity that declares this deployment; absent for shadow usage. */
  declaredBy?: string;
  /** Kept from an earlier scan because its repository could not be read this time. */
  stale?: boolean;
  staleReason?: string;
  /** Set when its entity was created from a golden-path template. */
  goldenPath?: GoldenPathOrigin;
}

/**
 * The annotation a golden-path template writes on what it creates, naming
 * the reference architecture and version it rendered: `mongodb@3`.
 *
 * @public
 */
export const REFERENCE_ANNOTATION = 'platform-adoption.io/reference';

/** Backstage's own record of the template an entity was created from. @public */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';

/** @public */
export interface GoldenPathOrigin {
  template: string;
  platform?: string;
  referenceVersion?: number;
}
