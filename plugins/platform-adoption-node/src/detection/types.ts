import {
  DetectedDeployment,
  PlatformDefinition,
  ScanProblem,
} from '@platform-adoption/plugin-platform-adoption-common';
import type { ParseLimits } from '../parsing/limits';

/**
 * The files of one repository a detector asked for, read lazily and parsed
 * at most once however many detectors look at them.
 *
 * @public
 */
export interface RepositoryFiles {
  /** The repository's display name (folder or URL), for messages. */
  readonly repository: string;
  /** Paths (relative to the root, `/`-separated) matching any of the globs. */
  list(globs: string[]): string[];
  /** The file's text; throws a `FileProblem` when unreadable, too large or binary. */
  text(path: string): string;
  /**
   * Parse limits for this repository's files (size, YAML aliases, depth);
   * the defaults apply when absent.
   */
  readonly limits?: Partial<ParseLimits>;
}

/**
 * What a platform looks like in the software catalog.
 *
 * @public
 */
export interface EntitySignals {
  /** Resource `spec.type` values that declare this platform, e.g. `mongodb`. */
  resourceTypes?: string[];
  /** `metadata.tags` that declare it. */
  tags?: string[];
  /** Annotation keys whose presence declares it. */
  annotations?: string[];
}

/**
 * Finds one platform's deployments. Built-in detectors live in this package;
 * backend modules add more through the detectors extension point.
 *
 * @public
 */
export interface PlatformDetector {
  platform: PlatformDefinition;
  entitySignals: EntitySignals;
  /** Globs (minimatch, relative to the repository root) the detector reads. */
  fileGlobs: string[];
  /**
   * Detects deployments among a repository's files. It sees every file it
   * asked for at once so it can join neighbouring resources (a backup
   * schedule next to its cluster). Problems with single files are reported,
   * never thrown.
   */
  detect(files: RepositoryFiles): DetectionResult;
}

/** @public */
export interface DetectionResult {
  deployments: DetectedDeployment[];
  problems: ScanProblem[];
}
