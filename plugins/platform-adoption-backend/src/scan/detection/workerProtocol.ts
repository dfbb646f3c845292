import { DetectionResult } from '@platform-adoption/plugin-platform-adoption-node';
import { DetectionLimits } from './RepositoryDetection';

/** What a detection worker starts from: everything its detectors are built of. */
export interface DetectionWorkerData {
  platformAdoptionDetection: true;
  /** `platformAdoption.platforms` as configured. */
  declaredPlatforms: unknown;
}

/** One repository to detect in. */
export interface DetectionRequest {
  id: number;
  repository: string;
  files: Array<[string, Uint8Array]>;
  limits: DetectionLimits;
}

export type WorkerMessage =
  /** Detectors built: their platforms, in order, to check against the scan's. */
  | { type: 'ready'; platforms: string[] }
  /** The detectors could not be built. */
  | { type: 'broken'; message: string }
  | { type: 'result'; id: number; result: DetectionResult }
  | { type: 'failed'; id: number; message: string };
