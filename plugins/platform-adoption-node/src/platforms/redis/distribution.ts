import { ConfigValue, hasPlaceholder } from '../../parsing/configValue';
import {
  ImageReference,
  parseImageReference,
} from '../../parsing/imageReference';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { setVersionFromImage } from '../shared/imageVersion';
import { SourcedValue } from '../shared/sourcedValue';

/** A Redis-compatible server: the `distribution` facet. */
export type RedisDistribution = 'redis' | 'valkey' | 'dragonfly' | 'keydb';

/** Server images by last path segment, with the distribution each runs. */
const SERVER_IMAGES: Record<string, RedisDistribution> = {
  redis: 'redis',
  'redis-stack-server': 'redis',
  'redis-stack': 'redis',
  valkey: 'valkey',
  dragonfly: 'dragonfly',
  keydb: 'keydb',
};

/** The images that run a Redis-compatible server. */
export const REDIS_SERVER_IMAGES = Object.keys(SERVER_IMAGES);

/** Exporters whose presence means the server is scraped by Prometheus. */
export const REDIS_EXPORTER_IMAGES = ['redis_exporter', 'redis-exporter'];

/**
 * Programs the server images also ship, run by jobs and sidecars that are
 * not data servers: the CLIs and Sentinel (`redis-server --sentinel`).
 */
export const REDIS_CLIENT_TOOLS = [
  'redis-cli',
  'valkey-cli',
  'keydb-cli',
  'redis-sentinel',
  'valkey-sentinel',
  '--sentinel',
];

/**
 * An image reference whose repository is written out; its tag may still be
 * a placeholder (`redis:${REDIS_TAG}` names Redis, not a version).
 */
export function imageReferenceOf(
  image: ConfigValue | undefined,
): ImageReference | undefined {
  if (image?.kind !== 'scalar' || typeof image.value !== 'string')
    return undefined;
  const reference = parseImageReference(image.value);
  return reference && !hasPlaceholder(reference.repository)
    ? reference
    : undefined;
}

/** The distribution an image runs, by its name (`valkey/valkey`, `eqalpha/keydb`). */
export function distributionOfImage(
  image: ConfigValue | undefined,
): RedisDistribution | undefined {
  const reference = imageReferenceOf(image);
  return reference ? SERVER_IMAGES[reference.name] : undefined;
}

/** Sets `distribution` from an image, with the image as evidence. */
export function setDistributionFromImage(
  builder: DeploymentBuilder,
  image: SourcedValue,
): void {
  const distribution = distributionOfImage(image.value);
  const evidence = fileEvidence(
    image.value.source ?? image.path,
    image.value.line,
    distribution ? undefined : 'image unresolved',
  );
  if (distribution) builder.set('distribution', distribution, evidence);
  else builder.unknown('distribution', evidence);
}

/**
 * Sets `version` from a server image. KeyDB tags put the architecture
 * first (`x86_64_v6.3.4`); every other image is read as usual.
 */
export function setRedisVersionFromImage(
  builder: DeploymentBuilder,
  image: SourcedValue,
): void {
  const reference = imageReferenceOf(image.value);
  const keydb =
    reference?.name === 'keydb' && reference.tag
      ? /(?:^|_)v(\d+(?:\.\d+){1,2})$/.exec(reference.tag)
      : null;
  if (keydb)
    builder.set(
      'version',
      keydb[1],
      fileEvidence(
        image.value.source ?? image.path,
        image.value.line,
        `image ${reference!.repository}:${reference!.tag}`,
      ),
    );
  else setVersionFromImage(builder, image);
}
