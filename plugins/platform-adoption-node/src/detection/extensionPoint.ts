import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { PlatformDetector } from './types';

/**
 * Lets backend modules add platforms: a module registers its detectors
 * during `register`, before the Platform Adoption backend initialises.
 *
 * @public
 */
export interface PlatformAdoptionDetectorsExtensionPoint {
  addDetector(...detectors: PlatformDetector[]): void;
}

/** @public */
export const platformAdoptionDetectorsExtensionPoint =
  createExtensionPoint<PlatformAdoptionDetectorsExtensionPoint>({
    id: 'platform-adoption.detectors',
  });
