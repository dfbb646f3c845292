import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  ClientLibrary,
  detectClientLibraries,
} from '../shared/clientLibraries';
import { REDIS_PLATFORM_ID } from './definition';

/** Redis (and Valkey) client libraries, per ecosystem. */
export const REDIS_CLIENT_LIBRARIES: ClientLibrary[] = [
  { ecosystem: 'npm', name: 'ioredis' },
  { ecosystem: 'npm', name: 'redis' },
  { ecosystem: 'npm', name: '@redis/client' },
  { ecosystem: 'npm', name: 'iovalkey' },
  { ecosystem: 'maven', name: 'redis.clients:jedis' },
  { ecosystem: 'maven', name: 'io.lettuce:lettuce-core' },
  { ecosystem: 'maven', name: 'org.redisson:redisson' },
  { ecosystem: 'maven', name: 'org.springframework.data:spring-data-redis' },
  {
    ecosystem: 'maven',
    name: 'org.springframework.boot:spring-boot-starter-data-redis',
  },
  { ecosystem: 'pypi', name: 'redis' },
  { ecosystem: 'pypi', name: 'valkey' },
  {
    ecosystem: 'go',
    name: name =>
      /^github\.com\/(redis|go-redis)\/(go-)?redis(\/v\d+)?$/.test(name),
  },
  { ecosystem: 'go', name: 'github.com/gomodule/redigo' },
  { ecosystem: 'go', name: 'github.com/valkey-io/valkey-go' },
  { ecosystem: 'rubygems', name: 'redis' },
];

/** Applications using Redis through a client library, from their package manifests. */
export function detectRedisClients(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return detectClientLibraries(repo, REDIS_PLATFORM_ID, REDIS_CLIENT_LIBRARIES);
}
