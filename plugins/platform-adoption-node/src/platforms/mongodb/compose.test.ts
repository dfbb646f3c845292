import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { mongodbDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [mongodbDetector]);

describe('MongoDB in Compose files', () => {
  it('reads a mongo service as a development standalone with access control from the root user', () => {
    const password = 'Bff-Local-Only-42!';
    const result = detect({
      'docker-compose.yml': `services:\n  mongo:\n    image: mongo:7.0\n    environment:\n      MONGO_INITDB_ROOT_USERNAME: root\n      MONGO_INITDB_ROOT_PASSWORD: "${password}"\n  api:\n    build: .\n    environment:\n      MONGO_URL: "mongodb://root:${password}@mongo:27017"\n`,
    });
    const deployment = onlyServer(result);
    expect(deployment.key).toBe('docker-compose.yml#mongo');
    expect(facetValues(deployment)).toEqual({
      hosting: 'docker',
      provisioning: 'compose',
      version: '7.0',
      topology: 'standalone',
      replicas: 1,
      authentication: 'scram',
      tls: false,
      backup: 'none',
      backupTool: 'none',
      monitoring: 'none',
      environment: 'development',
    });
    expect(deployment.facets.authentication.evidence).toMatchObject({
      line: 5,
    });
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('says mongo:latest and ${VAR} images pin no version', () => {
    const result = detect({
      'compose.yaml':
        'services:\n  a:\n    image: mongo:latest\n  b:\n    image: mongo:${MONGO_TAG}\n  c:\n    image: mongo\n',
    });
    const versions = Object.fromEntries(
      result.deployments.map(d => [d.name, d.facets.version]),
    );
    expect(versions.a).toMatchObject({
      value: UNKNOWN,
      evidence: { note: 'unpinned: latest' },
    });
    expect(versions.b).toMatchObject({
      value: UNKNOWN,
      evidence: { note: 'unresolved image: mongo:${MONGO_TAG}' },
    });
    expect(versions.c).toMatchObject({
      value: UNKNOWN,
      evidence: { note: 'unpinned: latest (no tag)' },
    });
  });

  it('groups replica-set members into one deployment, and sees exporters, dumps and TLS', () => {
    const result = detect({
      'deploy/compose.prod.yaml': `services:
  mongo1:
    image: mongo:6.0.14
    command: ["mongod", "--replSet", "rs0", "--tlsMode", "requireTLS", "--keyFile", "/k"]
  mongo2:
    image: mongo:6.0.14
    command: mongod --replSet rs0 --keyFile /k
  mongo3:
    image: mongo:6.0.14
    command: mongod --replSet rs0 --keyFile /k
  exporter:
    image: percona/mongodb_exporter:0.40
  backup:
    image: mongo:6.0.14
    entrypoint: ["sh", "-c", "while true; do mongodump --archive=/b/x; sleep 86400; done"]
`,
    });
    const servers = result.deployments.filter(d => d.kind === 'server');
    // The backup service runs the mongo image, but mongodump, not a server.
    expect(servers.map(s => s.name)).toEqual(['mongo1']);
    const primary = servers.find(s => s.name === 'mongo1');
    expect(facetValues(primary)).toMatchObject({
      topology: 'replicaset',
      replicas: 3,
      tls: true,
      authentication: 'scram',
      monitoring: 'prometheus',
      backup: 'snapshot',
      environment: 'production',
    });
  });
});
