import {
  DetectionResult,
  detectRepository,
  InMemoryRepositoryFiles,
  PlatformDetector,
} from '@platform-adoption/plugin-platform-adoption-node';

/** Parse limits a scan applies to every repository's files. */
export interface DetectionLimits {
  maxFileBytes: number;
}

/**
 * Runs the detectors over one repository's files. The scan does not care
 * where: in its own thread, or in worker threads while it goes on reading
 * the catalog and the next repositories.
 */
export interface RepositoryDetection {
  detect(repository: string, files: Map<string, Buffer>, limits: DetectionLimits): Promise<DetectionResult>;
  /** Gets ready for a scan (starts worker threads while the catalog streams). */
  prepare(): void;
  /** Frees what the detection holds (worker threads). */
  close(): Promise<void>;
}

/** Detection in the calling thread: any detector, including ones added by backend modules. */
export class InThreadDetection implements RepositoryDetection {
  constructor(private readonly detectors: PlatformDetector[]) {}

  async detect(repository: string, files: Map<string, Buffer>, limits: DetectionLimits) {
    return detectRepository(new InMemoryRepositoryFiles(repository, files, limits), this.detectors);
  }

  prepare() {}

  async close() {}
}
