import {
  ParsedRepository,
  TERRAFORM_GLOBS,
  YAML_GLOBS,
} from '../../detection/parsedRepository';
import { PlatformDetector } from '../../detection/types';
import { PACKAGE_MANIFEST_GLOBS } from '../../parsing/packageManifests';
import { detectAzureCache } from './azureCacheTerraform';
import { detectRedisClients } from './clients';
import { detectRedisCompose } from './compose';
import { redisPlatform } from './definition';
import { detectDragonfly } from './dragonflyOperator';
import { detectElastiCache } from './elasticacheTerraform';
import { detectRedisHelm } from './helm';
import { detectMemorystore } from './memorystoreTerraform';
import { detectOpstreeRedis } from './opstreeOperator';

/**
 * The built-in Redis detector, for Redis and the servers that speak its
 * protocol: ElastiCache, Memorystore and Azure Cache (Terraform), the
 * OT-Container-Kit and Dragonfly operators, Bitnami's Helm charts,
 * Compose, and client libraries.
 *
 * @public
 */
export const redisDetector: PlatformDetector = {
  platform: redisPlatform,
  entitySignals: {
    resourceTypes: [
      'redis',
      'valkey',
      'elasticache',
      'memorystore',
      'dragonfly',
      'keydb',
    ],
    tags: ['redis', 'valkey', 'elasticache', 'dragonfly', 'keydb'],
  },
  fileGlobs: [...TERRAFORM_GLOBS, ...YAML_GLOBS, ...PACKAGE_MANIFEST_GLOBS],
  detect(files) {
    const repo = ParsedRepository.of(files);
    const deployments = [
      ...detectElastiCache(repo),
      ...detectMemorystore(repo),
      ...detectAzureCache(repo),
      ...detectOpstreeRedis(repo),
      ...detectDragonfly(repo),
      ...detectRedisHelm(repo),
      ...detectRedisCompose(repo),
      ...detectRedisClients(repo),
    ];
    return { deployments, problems: repo.problems };
  },
};
