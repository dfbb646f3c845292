import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { mongodbDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [mongodbDetector]);

describe('MongoDB operators', () => {
  it('reads a MongoDBCommunity resource and a mongodump CronJob beside it', () => {
    const result = detect({
      'k8s/mongodb.yaml': `apiVersion: mongodbcommunity.mongodb.com/v1
kind: MongoDBCommunity
metadata:
  name: sessions
  namespace: web
  labels:
    environment: staging
spec:
  members: 3
  arbiters: 1
  type: ReplicaSet
  version: "6.0.5"
  security:
    authentication:
      modes: ["SCRAM-SHA-256", "X509"]
    tls:
      enabled: true
      certificateKeySecretRef:
        name: sessions-tls
  users: []
`,
      'k8s/backup.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: sessions-dump
  namespace: web
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: dump
              image: mongo:6.0
              command: ["/bin/sh", "-c", "mongodump --uri=$URI --archive"]
`,
    });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'operator',
      environment: 'staging',
      version: '6.0.5',
      topology: 'replicaset',
      replicas: 3,
      backup: 'snapshot',
      backupTool: 'mongodump-cronjob',
      monitoring: 'none',
      authentication: 'scram+x509',
      tls: true,
    });
    expect(deployment.facets.backup.evidence).toMatchObject({
      path: 'k8s/backup.yaml',
      line: 1,
    });
  });

  it('keeps Flux substitutions unknown', () => {
    const deployment = onlyServer(
      detect({
        'c.yaml':
          'apiVersion: mongodbcommunity.mongodb.com/v1\nkind: MongoDBCommunity\nmetadata:\n  name: m\nspec:\n  members: ${MEMBERS}\n  type: ReplicaSet\n  version: "${MONGO_VERSION}"\n',
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: UNKNOWN,
      replicas: UNKNOWN,
      backup: 'none',
      tls: false,
    });
    expect(deployment.facets.version.evidence.note).toBe(
      'unresolved: ${MONGO_VERSION}',
    );
  });

  it('reads an Enterprise operator sharded cluster with Ops Manager backup', () => {
    const deployment = onlyServer(
      detect({
        'mdb.yaml':
          'apiVersion: mongodb.com/v1\nkind: MongoDB\nmetadata:\n  name: big\n  namespace: data-prod\nspec:\n  type: ShardedCluster\n  shardCount: 3\n  mongodsPerShardCount: 3\n  mongosCount: 2\n  configServerCount: 3\n  version: 7.0.2-ent\n  backup:\n    mode: enabled\n  security:\n    certsSecretPrefix: mdb\n    authentication:\n      enabled: true\n      modes: ["X509", "LDAP"]\n',
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: '7.0.2',
      topology: 'sharded',
      shards: 3,
      replicas: 3,
      backup: 'continuous',
      backupTool: 'ops-manager-backup',
      authentication: 'ldap+x509',
      tls: true,
      environment: 'production',
    });
  });
});
