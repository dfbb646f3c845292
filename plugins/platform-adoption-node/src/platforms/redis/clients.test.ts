import { detectFiles, facetValues } from '../../testing/detect';
import { redisDetector } from './detector';

describe('Redis client libraries', () => {
  it('finds the clients of every ecosystem, Valkey and Spring included', () => {
    const result = detectFiles(
      {
        'api/package.json': JSON.stringify({
          dependencies: { ioredis: '^5.4.1', redis: '4.7.0' },
        }),
        'cart/build.gradle.kts': `dependencies {
    implementation("org.springframework.boot:spring-boot-starter-data-redis")
    implementation("redis.clients:jedis:5.1.5")
    implementation("io.lettuce:lettuce-core:6.4.0.RELEASE")
}
`,
        'worker/pyproject.toml': `[project]
name = "worker"
dependencies = ["redis[hiredis]>=5.0.8", "valkey==6.0.2"]
`,
        'edge/go.mod': `module example.com/edge

require github.com/redis/go-redis/v9 v9.6.1
`,
      },
      [redisDetector],
    );
    expect(
      result.deployments.map(d => [
        d.files[0],
        facetValues(d).client,
        facetValues(d).clientVersion,
      ]),
    ).toEqual([
      ['api/package.json', 'ioredis', '5.4.1'],
      ['api/package.json', 'redis', '4.7.0'],
      [
        'cart/build.gradle.kts',
        'org.springframework.boot:spring-boot-starter-data-redis',
        'unknown',
      ],
      ['cart/build.gradle.kts', 'redis.clients:jedis', '5.1.5'],
      ['cart/build.gradle.kts', 'io.lettuce:lettuce-core', '6.4.0'],
      ['edge/go.mod', 'github.com/redis/go-redis/v9', '9.6.1'],
      ['worker/pyproject.toml', 'redis', '5.0.8'],
      ['worker/pyproject.toml', 'valkey', '6.0.2'],
    ]);
  });
});
