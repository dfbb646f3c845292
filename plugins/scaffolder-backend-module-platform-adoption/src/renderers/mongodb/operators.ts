import { FacetScalar } from '@platform-adoption/plugin-platform-adoption-common';
import {
  count,
  fixed,
  methods,
  methodsOf,
  oneOfValues,
  onlyForTopology,
  version,
} from '../../rendering/capabilities';
import { kubernetesMetadata } from '../../rendering/kubernetes';
import { header, yamlDocuments } from '../../rendering/text';
import {
  FormRenderInput,
  RenderedFile,
  RenderForm,
} from '../../rendering/types';

const DIR = 'deploy/mongodb';

/** MongoDB releases the operators can run (oldest first). */
const MONGODB_RELEASES = ['6.0.19', '7.0.14', '8.0.4'];
const isRelease = (v: string) => /^\d+\.\d+\.\d+$/.test(v);

const MODES: Record<string, string> = {
  scram: 'SCRAM',
  x509: 'X509',
  ldap: 'LDAP',
};

/** A CronJob running mongodump in the server's namespace: the detectors' snapshot backup. */
function mongodumpCronJob(
  input: FormRenderInput,
  server: string,
  image: string,
) {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: kubernetesMetadata(input, `${server}-backup`),
    spec: {
      schedule: '30 2 * * *',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [
                {
                  name: 'mongodump',
                  image,
                  command: ['/bin/sh', '-c'],
                  args: [
                    'mongodump --uri="$MONGODB_URI" --gzip --archive=/backup/dump-$(date +%F).gz',
                  ],
                  env: [
                    {
                      name: 'MONGODB_URI',
                      valueFrom: {
                        secretKeyRef: {
                          name: `${server}-backup-uri`,
                          key: 'uri',
                        },
                      },
                    },
                  ],
                  volumeMounts: [{ name: 'backup', mountPath: '/backup' }],
                },
              ],
              volumes: [
                {
                  name: 'backup',
                  persistentVolumeClaim: { claimName: `${server}-backup` },
                },
              ],
            },
          },
        },
      },
    },
  };
}

/** `backup-cronjob.yaml`: the nightly mongodump of `what` (the replica set, the deployment). */
function mongodumpCronJobFile(
  input: FormRenderInput,
  server: string,
  what: string,
): RenderedFile {
  return {
    path: `${DIR}/backup-cronjob.yaml`,
    content: `${header(
      '#',
      input.referenceTag,
      `Nightly mongodump of ${what}.`,
    )}${yamlDocuments(
      mongodumpCronJob(input, server, `mongo:${input.values.version}`),
    )}`,
  };
}

function prometheus(server: string) {
  return {
    username: 'prometheus',
    passwordSecretRef: { name: `${server}-prometheus` },
  };
}

/** x509 client authentication needs TLS on the server. */
function tlsConflict(values: Record<string, FacetScalar>) {
  if (
    values.tls === false &&
    methodsOf(values.authentication).includes('x509')
  ) {
    return 'x509 authentication needs TLS';
  }
  return undefined;
}

function backupConflict(
  values: Record<string, FacetScalar>,
  tools: Record<string, string>,
) {
  if (
    'backupTool' in values &&
    tools[String(values.backup)] !== values.backupTool
  ) {
    return `backup ${values.backup} is written with ${
      tools[String(values.backup)]
    }`;
  }
  return undefined;
}

/**
 * The MongoDB Community operator's `MongoDBCommunity` (replica sets only),
 * with a mongodump CronJob when the reference wants snapshots.
 */
export const communityOperatorForm: RenderForm = {
  id: 'community-operator',
  title: 'MongoDB Community operator (Kubernetes)',
  resourceTags: ['kubernetes'],
  facets: {
    provisioning: fixed('operator'),
    version: version({ known: MONGODB_RELEASES, writable: isRelease }),
    topology: fixed('replicaset'),
    replicas: count({ min: 1, max: 50, preferred: [3] }),
    backup: oneOfValues(['snapshot', 'none']),
    backupTool: oneOfValues(['mongodump-cronjob', 'none']),
    authentication: methods({
      methods: ['scram', 'x509'],
      preferred: ['scram'],
      allowNone: false,
    }),
    tls: oneOfValues([true, false]),
    monitoring: oneOfValues(['prometheus', 'none']),
  },
  conflict: values =>
    backupConflict(values, { snapshot: 'mongodump-cronjob', none: 'none' }) ??
    tlsConflict(values),
  render(input) {
    const { request, values, referenceTag } = input;
    const server = `${request.name}-mongodb`;
    const database = request.name.replace(/-/g, '_');
    const auth = methodsOf(values.authentication);
    const resource = {
      apiVersion: 'mongodbcommunity.mongodb.com/v1',
      kind: 'MongoDBCommunity',
      metadata: kubernetesMetadata(input, server),
      spec: {
        type: 'ReplicaSet',
        members: values.replicas,
        version: values.version,
        security: {
          authentication: { modes: auth.map(m => MODES[m]) },
          tls: values.tls
            ? {
                enabled: true,
                certificateKeySecretRef: { name: `${server}-tls` },
                caConfigMapRef: { name: `${server}-ca` },
              }
            : { enabled: false },
        },
        users: [
          {
            name: `${request.name}-app`,
            db: auth.includes('scram') ? 'admin' : '$external',
            ...(auth.includes('scram')
              ? {
                  passwordSecretRef: { name: `${server}-app-password` },
                  scramCredentialsSecretName: `${server}-app-scram`,
                }
              : {}),
            roles: [{ name: 'readWrite', db: database }],
          },
        ],
        ...(values.monitoring === 'prometheus'
          ? { prometheus: prometheus(server) }
          : {}),
      },
    };
    const files: RenderedFile[] = [
      {
        path: `${DIR}/mongodbcommunity.yaml`,
        content: `${header(
          '#',
          referenceTag,
          `MongoDB replica set for ${request.name} (${request.environment}).`,
        )}${yamlDocuments(resource)}`,
      },
    ];
    if (values.backup === 'snapshot') {
      files.push(mongodumpCronJobFile(input, server, 'the replica set'));
    }
    return files;
  },
};

/**
 * The MongoDB Enterprise operator's `MongoDB` resource (replica set or
 * sharded cluster) managed by Ops Manager, whose backup is continuous.
 */
export const enterpriseOperatorForm: RenderForm = {
  id: 'enterprise-operator',
  title: 'MongoDB Enterprise operator with Ops Manager (Kubernetes)',
  resourceTags: ['kubernetes'],
  facets: {
    provisioning: fixed('operator'),
    version: version({ known: MONGODB_RELEASES, writable: isRelease }),
    topology: oneOfValues(['replicaset', 'sharded']),
    shards: onlyForTopology(
      'sharded',
      count({ min: 1, max: 50, preferred: [2] }),
    ),
    replicas: count({ min: 1, max: 50, preferred: [3] }),
    backup: oneOfValues(['continuous', 'snapshot', 'none']),
    backupTool: oneOfValues([
      'ops-manager-backup',
      'mongodump-cronjob',
      'none',
    ]),
    authentication: methods({
      methods: ['ldap', 'scram', 'x509'],
      preferred: ['scram'],
      allowNone: false,
    }),
    tls: oneOfValues([true, false]),
    monitoring: oneOfValues(['prometheus', 'none']),
  },
  conflict(values) {
    if (values.topology === 'replicaset' && 'shards' in values)
      return 'a replica set has no shards';
    return (
      backupConflict(values, {
        continuous: 'ops-manager-backup',
        snapshot: 'mongodump-cronjob',
        none: 'none',
      }) ?? tlsConflict(values)
    );
  },
  render(input) {
    const { request, values, referenceTag } = input;
    const server = `${request.name}-mongodb`;
    const sharded = values.topology === 'sharded';
    const auth = methodsOf(values.authentication);
    const resource = {
      apiVersion: 'mongodb.com/v1',
      kind: 'MongoDB',
      metadata: kubernetesMetadata(input, server),
      spec: {
        type: sharded ? 'ShardedCluster' : 'ReplicaSet',
        ...(sharded
          ? {
              shardCount: values.shards,
              mongodsPerShardCount: values.replicas,
              mongosCount: 2,
              configServerCount: 3,
            }
          : { members: values.replicas }),
        version: `${values.version}-ent`,
        opsManager: {
          configMapRef: { name: `${request.name}-ops-manager-project` },
        },
        credentials: `${request.name}-ops-manager-api-key`,
        backup: {
          mode: values.backup === 'continuous' ? 'enabled' : 'disabled',
        },
        security: {
          authentication: {
            enabled: true,
            modes: auth.map(m => MODES[m]),
            ...(auth.includes('ldap')
              ? {
                  ldap: {
                    servers: ['ldap.internal:636'],
                    transportSecurity: 'tls',
                    bindQueryUser: `cn=${server},ou=services`,
                  },
                }
              : {}),
          },
          ...(values.tls
            ? { certsSecretPrefix: server }
            : { tls: { enabled: false } }),
        },
        ...(values.monitoring === 'prometheus'
          ? { prometheus: prometheus(server) }
          : {}),
      },
    };
    const files: RenderedFile[] = [
      {
        path: `${DIR}/mongodb.yaml`,
        content: `${header(
          '#',
          referenceTag,
          `MongoDB ${sharded ? 'sharded cluster' : 'replica set'} for ${
            request.name
          } (${request.environment}).`,
        )}${yamlDocuments(resource)}`,
      },
    ];
    if (values.backup === 'snapshot') {
      files.push(mongodumpCronJobFile(input, server, 'the deployment'));
    }
    return files;
  },
};
