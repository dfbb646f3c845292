// Package manifests of a believable stack per repository. Database drivers
// only appear where the estate says a repository talks to a database, so a
// driver in a manifest is always a planted signal, never noise.
import { randomFor } from './random.mjs';

const random = randomFor('package-versions');

export const DRIVERS = {
  mongodb: {
    node: ['mongodb', '^6.10.0'],
    mongoose: ['mongoose', '^8.8.1'],
    java: ['org.mongodb:mongodb-driver-sync', '5.2.1'],
    python: ['pymongo', '4.10.1'],
    go: ['go.mongodb.org/mongo-driver', 'v1.17.1'],
  },
  postgresql: {
    node: ['pg', '^8.13.1'],
    java: ['org.postgresql:postgresql', null],
    python: ['psycopg2-binary', '2.9.10'],
    psycopg: ['psycopg[binary]', '3.2.3'],
    go: ['github.com/jackc/pgx/v5', 'v5.7.1'],
  },
  kafka: {
    node: ['kafkajs', '^2.2.4'],
    // Spring Boot manages spring-kafka's version.
    java: ['org.springframework.kafka:spring-kafka', null],
    python: ['confluent-kafka', '2.6.1'],
    go: ['github.com/segmentio/kafka-go', 'v0.4.47'],
  },
  redis: {
    node: ['ioredis', '^5.4.1'],
    java: ['org.springframework.boot:spring-boot-starter-data-redis', null],
    python: ['redis', '5.2.0'],
    go: ['github.com/redis/go-redis/v9', 'v9.7.0'],
  },
  vault: {
    node: ['node-vault', '^0.10.2'],
    java: [
      'org.springframework.cloud:spring-cloud-starter-vault-config',
      '4.1.3',
    ],
    python: ['hvac', '2.3.0'],
    go: ['github.com/hashicorp/vault/api', 'v1.15.0'],
  },
};

/** Resolves a driver choice ('default' or a variant key) to [package, version]. */
export function driverPackage(platform, stack, variant) {
  const table = DRIVERS[platform];
  return table[variant && variant !== 'default' ? variant : stack];
}

const DATA_TEAMS = new Set([
  'customer-insights',
  'credit-risk',
  'ml-platform',
  'data-platform',
  'regulatory-reporting',
  'fraud-detection',
]);

function version() {
  return `${random.int(1, 4)}.${random.int(0, 14)}.${random.int(0, 9)}`;
}

function packageJson(c, drivers) {
  const deps = {};
  const dev = {
    typescript: '^5.6.3',
    vitest: '^2.1.4',
    '@types/node': '^22.9.0',
  };
  let scripts = { build: 'tsc -p .', test: 'vitest run', lint: 'eslint .' };
  if (c.type === 'service') {
    Object.assign(deps, {
      '@opentelemetry/api': '^1.9.0',
      express: '^4.21.1',
      pino: '^9.5.0',
      'prom-client': '^15.1.3',
      zod: '^3.23.8',
    });
    Object.assign(dev, { '@types/express': '^5.0.0', tsx: '^4.19.2' });
    scripts = {
      dev: 'tsx watch src/index.ts',
      start: 'node dist/index.js',
      ...scripts,
    };
  } else if (c.type === 'website' && c.name === 'mobile-banking-app') {
    Object.assign(deps, {
      react: '18.3.1',
      'react-native': '0.76.2',
      '@react-navigation/native': '^6.1.18',
    });
    scripts = {
      start: 'react-native start',
      ios: 'react-native run-ios',
      android: 'react-native run-android',
      test: 'jest',
    };
    delete dev.vitest;
    Object.assign(dev, {
      jest: '^29.7.0',
      '@react-native/babel-preset': '0.76.2',
    });
  } else if (c.type === 'website') {
    Object.assign(deps, {
      '@tanstack/react-query': '^5.59.20',
      react: '^18.3.1',
      'react-dom': '^18.3.1',
      'react-router-dom': '^6.28.0',
    });
    Object.assign(dev, { '@vitejs/plugin-react': '^4.3.3', vite: '^5.4.11' });
    scripts = {
      dev: 'vite',
      build: 'tsc -b && vite build',
      preview: 'vite preview',
      test: 'vitest run',
    };
  }
  for (const [name, v] of drivers) {
    deps[name] = v;
    if (name === 'pg') dev['@types/pg'] = '^8.11.10';
  }
  const sorted = o =>
    Object.fromEntries(
      Object.entries(o).sort(([a], [b]) => a.localeCompare(b)),
    );
  const pkg = {
    name: `@fernhill/${c.name}`,
    version: version(),
    private: true,
    description: c.description,
    license: 'UNLICENSED',
    type: 'module',
    main: c.type === 'library' ? 'dist/index.js' : undefined,
    types: c.type === 'library' ? 'dist/index.d.ts' : undefined,
    engines: { node: '>=20' },
    scripts,
    dependencies: Object.keys(deps).length ? sorted(deps) : undefined,
    devDependencies: sorted(dev),
  };
  return { path: 'package.json', content: JSON.stringify(pkg, null, 2) + '\n' };
}

function pomXml(c, drivers) {
  const dep = (g, a, v, scope) =>
    [
      '    <dependency>',
      `      <groupId>${g}</groupId>`,
      `      <artifactId>${a}</artifactId>`,
      v ? `      <version>${v}</version>` : null,
      scope ? `      <scope>${scope}</scope>` : null,
      '    </dependency>',
    ]
      .filter(Boolean)
      .join('\n');
  const group = `com.fernhill.${c.owner.replaceAll('-', '')}`;
  const deps = [];
  let parent = '';
  if (c.type === 'service') {
    parent = [
      '  <parent>',
      '    <groupId>org.springframework.boot</groupId>',
      '    <artifactId>spring-boot-starter-parent</artifactId>',
      '    <version>3.3.5</version>',
      '    <relativePath/>',
      '  </parent>',
      '',
    ].join('\n');
    deps.push(
      dep('org.springframework.boot', 'spring-boot-starter-web'),
      dep('org.springframework.boot', 'spring-boot-starter-actuator'),
      dep('io.micrometer', 'micrometer-registry-prometheus'),
    );
  }
  for (const [name, v] of drivers) {
    const [g, a] = name.split(':');
    if (a === 'postgresql') {
      // Boot manages the JDBC driver's version, so the pom names none.
      deps.push(dep('org.springframework.boot', 'spring-boot-starter-jdbc'));
      deps.push(dep('org.flywaydb', 'flyway-database-postgresql'));
      deps.push(dep(g, a, v, 'runtime'));
    } else {
      deps.push(dep(g, a, v));
    }
  }
  deps.push(
    c.type === 'service'
      ? dep(
          'org.springframework.boot',
          'spring-boot-starter-test',
          null,
          'test',
        )
      : dep('org.junit.jupiter', 'junit-jupiter', '5.11.3', 'test'),
  );
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
${parent}
  <groupId>${group}</groupId>
  <artifactId>${c.name}</artifactId>
  <version>${version()}-SNAPSHOT</version>
  <packaging>jar</packaging>
  <name>${c.name}</name>
  <description>${c.description.replaceAll('&', '&amp;')}</description>

  <properties>
    <java.version>21</java.version>
    <maven.compiler.release>21</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>

  <dependencies>
${deps.join('\n')}
  </dependencies>
${
  c.type === 'service'
    ? `
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
`
    : ''
}</project>
`;
  return { path: 'pom.xml', content: content.replace(/\n{3,}/g, '\n\n') };
}

function goMod(c, drivers) {
  const requires = [];
  if (c.type === 'service') {
    requires.push(
      ['github.com/go-chi/chi/v5', 'v5.1.0'],
      ['github.com/prometheus/client_golang', 'v1.20.5'],
      ['go.uber.org/zap', 'v1.27.0'],
    );
  }
  requires.push(['github.com/stretchr/testify', 'v1.9.0'], ...drivers);
  requires.sort(([a], [b]) => a.localeCompare(b));
  const lines = requires.map(([m, v]) => `\t${m} ${v}`).join('\n');
  return {
    path: 'go.mod',
    content: `module git.fernhill.example/${c.name}\n\ngo 1.23\n\nrequire (\n${lines}\n)\n`,
  };
}

function pythonDeps(c, drivers) {
  const deps = [];
  if (c.type === 'service') {
    deps.push(
      ['fastapi', '0.115.4'],
      ['uvicorn[standard]', '0.32.0'],
      ['pydantic', '2.9.2'],
      ['structlog', '24.4.0'],
      ['prometheus-client', '0.21.0'],
      ['httpx', '0.27.2'],
    );
  } else {
    deps.push(['pydantic', '2.9.2']);
  }
  if (DATA_TEAMS.has(c.owner))
    deps.push(['pandas', '2.2.3'], ['numpy', '2.1.3']);
  deps.push(...drivers);
  return deps;
}

function requirementsTxt(c, drivers) {
  const lines = pythonDeps(c, drivers).map(([n, v]) => `${n}==${v}`);
  return { path: 'requirements.txt', content: lines.join('\n') + '\n' };
}

function pyprojectToml(c, drivers) {
  const deps = pythonDeps(c, drivers).map(([n, v]) => `  "${n}~=${v}",`);
  const content = `[project]
name = "${c.name}"
version = "${version()}"
description = "${c.description.replaceAll('"', '\\"')}"
requires-python = ">=3.11"
dependencies = [
${deps.join('\n')}
]

[project.optional-dependencies]
dev = ["pytest~=8.3.3", "ruff~=0.7.2", "mypy~=1.13.0"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[tool.ruff]
line-length = 100
`;
  return { path: 'pyproject.toml', content };
}

/** The manifest for a component; `drivers` is a list of [package, version]. */
export function manifestFor(c, drivers) {
  if (c.stack === 'node') return packageJson(c, drivers);
  if (c.stack === 'java') return pomXml(c, drivers);
  if (c.stack === 'go') return goMod(c, drivers);
  return c.pythonManifest === 'pyproject'
    ? pyprojectToml(c, drivers)
    : requirementsTxt(c, drivers);
}
