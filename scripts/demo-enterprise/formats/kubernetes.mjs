// Kubernetes manifests for databases run in-cluster: operator custom
// resources (CloudNativePG, Zalando, Crunchy PGO, MongoDB Community) and the
// hand-rolled StatefulSet/CronJob pairs teams write without an operator.
import { toYaml, toYamlDocuments } from '../yaml.mjs';

function metadata(d, name, extra = {}) {
  return {
    name,
    namespace: d.namespace,
    labels: {
      'app.kubernetes.io/name': name,
      'app.kubernetes.io/part-of': d.repository,
      'app.kubernetes.io/managed-by': d.managedBy ?? 'argocd',
      environment: d.environment,
      team: d.owner,
      ...extra,
    },
  };
}

const CNPG_IMAGE = 'ghcr.io/cloudnative-pg/postgresql';

/** CloudNativePG Cluster, plus its ScheduledBackup in a separate file. */
export function cnpgCluster(d) {
  const f = d.facets;
  const backup = f.backup === 'barman-object-store';
  const pgHba =
    f.authentication === 'none'
      ? ['host all all 10.0.0.0/8 trust']
      : ['hostssl all all 10.0.0.0/8 scram-sha-256'];
  const cluster = {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: metadata(d, d.name),
    spec: {
      description: d.description,
      instances: f.replicas,
      imageName: `${CNPG_IMAGE}:${f.version}`,
      primaryUpdateStrategy: 'unsupervised',
      postgresql: {
        parameters: {
          max_connections: '200',
          shared_buffers: '512MB',
          log_min_duration_statement: '500ms',
        },
        pg_hba: pgHba,
      },
      bootstrap: { initdb: { database: d.dbName, owner: d.dbOwner } },
      storage: { size: d.storage ?? '50Gi', storageClass: 'gp3' },
      affinity:
        f.replicas > 1
          ? {
              enablePodAntiAffinity: true,
              topologyKey: 'topology.kubernetes.io/zone',
            }
          : undefined,
      backup: backup
        ? {
            retentionPolicy: '30d',
            barmanObjectStore: {
              destinationPath: `s3://fernhill-cnpg-backups/${d.name}`,
              s3Credentials: { inheritFromIAMRole: true },
              wal: { compression: 'gzip' },
              data: { compression: 'gzip' },
            },
          }
        : undefined,
      monitoring:
        f.monitoring === 'prometheus' ? { enablePodMonitor: true } : undefined,
      resources: {
        requests: { cpu: '500m', memory: '1Gi' },
        limits: { memory: '2Gi' },
      },
    },
  };
  const files = {
    [`${d.dir}/${d.clusterFile ?? 'cluster.yaml'}`]: toYaml(cluster),
  };
  if (backup) {
    files[`${d.dir}/${d.backupFile ?? 'scheduled-backup.yaml'}`] = toYaml({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: metadata(d, `${d.name}-daily`),
      spec: {
        // CloudNativePG schedules have a leading seconds field.
        schedule: '0 0 1 * * *',
        backupOwnerReference: 'self',
        cluster: { name: d.name },
      },
    });
  }
  return { files, secrets: [] };
}

/** Zalando postgres-operator `postgresql` resource. */
export function zalandoPostgresql(d) {
  const f = d.facets;
  const doc = {
    apiVersion: 'acid.zalan.do/v1',
    kind: 'postgresql',
    metadata: metadata(d, d.name),
    spec: {
      teamId: d.teamId,
      numberOfInstances: f.replicas,
      postgresql: {
        version: f.version,
        parameters: {
          shared_buffers: '256MB',
          max_connections: '150',
          log_statement: 'ddl',
        },
      },
      volume: { size: '40Gi', storageClass: 'gp3' },
      users: { [`${d.dbName}_owner`]: ['createdb'], [`${d.dbName}_app`]: [] },
      databases: { [d.dbName]: `${d.dbName}_owner` },
      enableConnectionPooler: true,
      enableLogicalBackup: f.backup === 'logical-backup',
      logicalBackupSchedule:
        f.backup === 'logical-backup' ? '30 00 * * *' : undefined,
      sidecars:
        f.monitoring === 'prometheus'
          ? [
              {
                name: 'postgres-exporter',
                image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0',
                ports: [
                  { name: 'metrics', containerPort: 9187, protocol: 'TCP' },
                ],
                env: [
                  {
                    name: 'DATA_SOURCE_URI',
                    value: 'localhost:5432/postgres?sslmode=require',
                  },
                  { name: 'DATA_SOURCE_USER', value: '$(POSTGRES_USER)' },
                  { name: 'DATA_SOURCE_PASS', value: '$(POSTGRES_PASSWORD)' },
                ],
              },
            ]
          : undefined,
      resources: {
        requests: { cpu: '250m', memory: '512Mi' },
        limits: { cpu: '1', memory: '1Gi' },
      },
    },
  };
  return {
    files: { [`${d.dir}/${d.file ?? 'postgresql.yaml'}`]: toYaml(doc) },
    secrets: [],
  };
}

/** Crunchy Data PGO v5 PostgresCluster with pgBackRest to S3. */
export function crunchyPostgresCluster(d) {
  const f = d.facets;
  const doc = {
    apiVersion: 'postgres-operator.crunchydata.com/v1beta1',
    kind: 'PostgresCluster',
    metadata: metadata(d, d.name),
    spec: {
      postgresVersion: Number(f.version),
      instances: [
        {
          name: 'pgha1',
          replicas: f.replicas,
          dataVolumeClaimSpec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '100Gi' } },
          },
        },
      ],
      users: [{ name: d.dbName, databases: [d.dbName] }],
      backups: {
        pgbackrest: {
          configuration: [{ secret: { name: `${d.name}-pgbackrest-s3` } }],
          global: {
            'repo1-path': `/pgbackrest/${d.name}/repo1`,
            'repo1-retention-full': '14',
            'repo1-retention-full-type': 'time',
          },
          repos: [
            {
              name: 'repo1',
              schedules: { full: '0 1 * * 0', differential: '0 1 * * 1-6' },
              s3: {
                bucket: 'fernhill-pgbackrest',
                endpoint: 's3.eu-west-2.amazonaws.com',
                region: 'eu-west-2',
              },
            },
          ],
        },
      },
      monitoring:
        f.monitoring === 'prometheus'
          ? { pgmonitor: { exporter: {} } }
          : undefined,
    },
  };
  return {
    files: { [`${d.dir}/postgrescluster.yaml`]: toYaml(doc) },
    secrets: [],
  };
}

/** MongoDB Community Operator MongoDBCommunity resource. */
export function mongodbCommunity(d) {
  const f = d.facets;
  const doc = {
    apiVersion: 'mongodbcommunity.mongodb.com/v1',
    kind: 'MongoDBCommunity',
    metadata: metadata(d, d.name),
    spec: {
      members: f.replicas,
      type: 'ReplicaSet',
      version: f.version,
      security: {
        authentication: { modes: ['SCRAM'] },
        tls: f.tls
          ? {
              enabled: true,
              certificateKeySecretRef: { name: `${d.name}-tls` },
              caConfigMapRef: { name: `${d.name}-ca` },
            }
          : { enabled: false },
      },
      users: [
        {
          name: d.appUser,
          db: 'admin',
          passwordSecretRef: { name: `${d.appUser}-password` },
          roles: [{ name: 'readWrite', db: d.dbName }],
          scramCredentialsSecretName: `${d.appUser}-scram`,
        },
      ],
      prometheus:
        f.monitoring === 'prometheus'
          ? {
              username: 'prometheus',
              passwordSecretRef: { name: `${d.name}-metrics-password` },
            }
          : undefined,
      additionalMongodConfig: {
        'storage.wiredTiger.engineConfig.journalCompressor': 'zlib',
      },
    },
  };
  return {
    files: { [`${d.dir}/${d.file ?? 'mongodb.yaml'}`]: toYaml(doc) },
    secrets: [],
  };
}

/** A plain StatefulSet running the official mongo image, with its Service. */
export function mongoStatefulSet(d) {
  const f = d.facets;
  const args = ['--bind_ip_all'];
  if (f.topology === 'replicaset') args.push('--replSet', 'rs0');
  if (f.tls) {
    args.push(
      '--tlsMode',
      'requireTLS',
      '--tlsCertificateKeyFile',
      '/etc/mongo-tls/tls.pem',
      '--tlsCAFile',
      '/etc/mongo-tls/ca.crt',
    );
  }
  const secretRef = key => ({
    valueFrom: { secretKeyRef: { name: `${d.name}-root`, key } },
  });
  const labels = { 'app.kubernetes.io/name': d.name };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(d, d.name),
    spec: {
      clusterIP: 'None',
      selector: labels,
      ports: [{ name: 'mongo', port: 27017, targetPort: 27017 }],
    },
  };
  const statefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: metadata(d, d.name),
    spec: {
      serviceName: d.name,
      replicas: f.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'mongo',
              image: `mongo:${f.version}`,
              args,
              ports: [{ name: 'mongo', containerPort: 27017 }],
              env:
                f.authentication === 'none'
                  ? undefined
                  : [
                      {
                        name: 'MONGO_INITDB_ROOT_USERNAME',
                        ...secretRef('username'),
                      },
                      {
                        name: 'MONGO_INITDB_ROOT_PASSWORD',
                        ...secretRef('password'),
                      },
                    ],
              volumeMounts: [
                { name: 'data', mountPath: '/data/db' },
                f.tls
                  ? { name: 'tls', mountPath: '/etc/mongo-tls', readOnly: true }
                  : undefined,
              ].filter(Boolean),
              resources: {
                requests: { cpu: '500m', memory: '2Gi' },
                limits: { memory: '4Gi' },
              },
            },
            f.monitoring === 'prometheus'
              ? {
                  name: 'metrics',
                  image: 'percona/mongodb_exporter:0.40.0',
                  args: ['--collect-all', '--compatible-mode'],
                  env: [
                    {
                      name: 'MONGODB_URI',
                      valueFrom: {
                        secretKeyRef: {
                          name: `${d.name}-exporter`,
                          key: 'uri',
                        },
                      },
                    },
                  ],
                  ports: [{ name: 'metrics', containerPort: 9216 }],
                }
              : undefined,
          ].filter(Boolean),
          volumes: f.tls
            ? [{ name: 'tls', secret: { secretName: `${d.name}-tls` } }]
            : undefined,
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'gp3',
            resources: { requests: { storage: '100Gi' } },
          },
        },
      ],
    },
  };
  return {
    files: {
      [`${d.dir}/${d.file ?? 'mongo-statefulset.yaml'}`]: toYamlDocuments([
        service,
        statefulSet,
      ]),
    },
    secrets: [],
  };
}

/** The nightly mongodump CronJob teams add when nothing else backs them up. */
export function mongodumpCronJob(d) {
  const doc = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: metadata(d, `${d.name}-mongodump`),
    spec: {
      schedule: '15 2 * * *',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [
                {
                  name: 'mongodump',
                  image: `mongo:${d.facets.version}`,
                  command: ['/bin/sh', '-c'],
                  args: [
                    'mongodump --uri="$MONGODB_URI" --gzip --archive=/backup/$(date +%F).archive.gz',
                  ],
                  env: [
                    {
                      name: 'MONGODB_URI',
                      valueFrom: {
                        secretKeyRef: { name: `${d.name}-backup`, key: 'uri' },
                      },
                    },
                  ],
                  volumeMounts: [{ name: 'backup', mountPath: '/backup' }],
                },
              ],
              volumes: [
                {
                  name: 'backup',
                  persistentVolumeClaim: { claimName: `${d.name}-backups` },
                },
              ],
            },
          },
        },
      },
    },
  };
  return {
    files: {
      [`${d.dir}/${d.backupFile ?? 'mongodump-cronjob.yaml'}`]: toYaml(doc),
    },
    secrets: [],
  };
}
