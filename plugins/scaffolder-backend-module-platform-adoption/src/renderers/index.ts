import { PlatformRenderer } from '../rendering/types';
import { kafkaRenderer } from './kafka';
import { mongodbRenderer } from './mongodb';
import { postgresqlRenderer } from './postgresql';
import { redisRenderer } from './redis';
import { vaultRenderer } from './vault';

/**
 * One renderer per platform. A platform gets a golden path when it has a
 * renderer here; add a module per platform and list it.
 *
 * @public
 */
export const goldenPathRenderers: PlatformRenderer[] = [
  mongodbRenderer,
  postgresqlRenderer,
  kafkaRenderer,
  redisRenderer,
  vaultRenderer,
];

/** The renderer of a platform, if there is one. */
export function rendererFor(
  platform: string,
  renderers: PlatformRenderer[] = goldenPathRenderers,
): PlatformRenderer | undefined {
  return renderers.find(r => r.platform.id === platform);
}
