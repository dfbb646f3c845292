import { PlatformDetector } from '../detection/types';
import { kafkaDetector } from './kafka/detector';
import { mongodbDetector } from './mongodb/detector';
import { postgresqlDetector } from './postgresql/detector';
import { redisDetector } from './redis/detector';
import { vaultDetector } from './vault/detector';

/**
 * The platforms Platform Adoption knows out of the box.
 *
 * @public
 */
export const builtinDetectors: PlatformDetector[] = [
  mongodbDetector,
  postgresqlDetector,
  kafkaDetector,
  redisDetector,
  vaultDetector,
];
