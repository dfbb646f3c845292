import { PlatformDetector } from '../detection/types';
import { mongodbDetector } from './mongodb/detector';
import { postgresqlDetector } from './postgresql/detector';

/**
 * The platforms Platform Adoption knows out of the box.
 *
 * @public
 */
export const builtinDetectors: PlatformDetector[] = [
  mongodbDetector,
  postgresqlDetector,
];
