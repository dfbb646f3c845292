import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { postgresqlDetector } from './detector';

describe('PostgreSQL in Compose files', () => {
  it('reads a postgres service; its password and the app connection string are never output', () => {
    const password = 'TellerRecon!Dev-9931';
    const result = detectFiles(
      {
        'compose.yaml': `services:\n  postgres:\n    image: postgres:16-alpine\n    environment:\n      - POSTGRES_USER=teller\n      - "POSTGRES_PASSWORD=${password}"\n  app:\n    build: .\n    environment:\n      DATABASE_URL: "postgres://teller:${password}@postgres:5432/tills"\n`,
      },
      [postgresqlDetector],
    );
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toEqual({
      hosting: 'docker',
      provisioning: 'compose',
      version: '16',
      replicas: 1,
      topology: 'standalone',
      authentication: 'password',
      tls: false,
      backup: 'none',
      backupTool: 'none',
      monitoring: 'none',
      environment: 'development',
    });
    expect(deployment.facets.authentication.evidence).toMatchObject({
      line: 6,
    });
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('reads trust authentication, unresolved images, exporters and dump jobs', () => {
    const result = detectFiles(
      {
        'docker-compose.test.yml':
          'services:\n  db:\n    image: ${PG_IMAGE}\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n  db2:\n    image: postgres:${PG_VERSION:-16}\n    command: postgres -c ssl=on\n  exporter:\n    image: prometheuscommunity/postgres-exporter\n  dump:\n    image: postgres:16\n    command: ["sh", "-c", "pg_dump -h db2 > /b/dump.sql"]\n',
      },
      [postgresqlDetector],
    );
    // ${PG_IMAGE} cannot be known to be PostgreSQL; the dump job is not a server.
    expect(result.deployments.map(d => d.name)).toEqual(['db2']);
    expect(facetValues(result.deployments[0])).toMatchObject({
      version: UNKNOWN,
      tls: true,
      monitoring: 'prometheus',
      backup: 'snapshot',
      environment: 'test',
    });
  });
});
