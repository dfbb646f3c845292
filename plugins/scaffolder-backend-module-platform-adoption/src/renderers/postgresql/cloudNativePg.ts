import { FacetScalar } from '@platform-adoption/plugin-platform-adoption-common';
import {
  count,
  fixed,
  oneOfValues,
  version,
} from '../../rendering/capabilities';
import { kubernetesMetadata } from '../../rendering/kubernetes';
import { header, shortEnvironment, yamlDocuments } from '../../rendering/text';
import { RenderedFile, RenderForm } from '../../rendering/types';

const DIR = 'deploy/postgres';

/** PostgreSQL images CloudNativePG publishes (oldest first). */
export const POSTGRES_RELEASES = ['14.15', '15.10', '16.6', '17.2'];

const HBA_METHOD: Record<string, string> = {
  password: 'scram-sha-256',
  x509: 'cert',
};
const BACKUP_TOOL: Record<string, string> = {
  continuous: 'barman',
  snapshot: 'volume-snapshot',
  none: 'none',
};

function topologyConflict(values: Record<string, FacetScalar>) {
  if (
    'replicas' in values &&
    (values.topology === 'standalone') !== (values.replicas === 1)
  ) {
    return 'a standalone deployment has exactly one instance';
  }
  return undefined;
}

/**
 * A CloudNativePG `Cluster` with pg_hba rules written out, WAL archiving to
 * an object store (or volume snapshots) with a `ScheduledBackup`, and a
 * `PodMonitor`.
 */
export const cloudNativePgForm: RenderForm = {
  id: 'cloudnative-pg',
  title: 'CloudNativePG operator (Kubernetes)',
  resourceTags: ['kubernetes', 'cnpg'],
  facets: {
    provisioning: fixed('operator'),
    operator: fixed('cnpg'),
    version: version({
      known: POSTGRES_RELEASES,
      writable: v => /^\d+(\.\d+)?$/.test(v),
    }),
    topology: oneOfValues(['replicated', 'standalone']),
    replicas: count({
      min: 1,
      max: 9,
      preferred: ({ chosen }) =>
        chosen.topology === 'standalone' ? [1] : [3, 2],
    }),
    backup: oneOfValues(['continuous', 'snapshot', 'none']),
    backupTool: oneOfValues(['barman', 'volume-snapshot', 'none']),
    monitoring: oneOfValues(['prometheus', 'none']),
    authentication: oneOfValues(['password', 'x509']),
    // CloudNativePG issues certificates and always serves TLS.
    tls: fixed(true),
  },
  conflict(values) {
    if (
      'backupTool' in values &&
      BACKUP_TOOL[String(values.backup)] !== values.backupTool
    ) {
      return `backup ${values.backup} is written with ${
        BACKUP_TOOL[String(values.backup)]
      }`;
    }
    return topologyConflict(values);
  },
  render(input) {
    const { request, values, referenceTag } = input;
    const cluster = `${request.name}-postgres`;
    const database = request.name.replace(/-/g, '_');
    const backup = values.backup;
    const spec = {
      instances: values.replicas,
      imageName: `ghcr.io/cloudnative-pg/postgresql:${values.version}`,
      primaryUpdateStrategy: 'unsupervised',
      postgresql: {
        pg_hba: [
          `hostssl all all all ${HBA_METHOD[String(values.authentication)]}`,
        ],
      },
      bootstrap: { initdb: { database, owner: database } },
      storage: { size: request.environment === 'production' ? '50Gi' : '10Gi' },
      ...(backup === 'continuous'
        ? {
            backup: {
              retentionPolicy: '30d',
              barmanObjectStore: {
                destinationPath: `s3://${request.name}-${shortEnvironment(
                  request.environment,
                )}-postgres-backups/`,
                s3Credentials: { inheritFromIAMRole: true },
                wal: { compression: 'gzip' },
              },
            },
          }
        : {}),
      ...(backup === 'snapshot'
        ? { backup: { volumeSnapshot: { className: 'csi-snapclass' } } }
        : {}),
    };
    const documents: object[] = [
      {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: kubernetesMetadata(input, cluster),
        spec,
      },
    ];
    if (backup !== 'none') {
      documents.push({
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'ScheduledBackup',
        metadata: kubernetesMetadata(input, `${cluster}-nightly`),
        spec: {
          schedule: '0 30 2 * * *',
          backupOwnerReference: 'self',
          cluster: { name: cluster },
          ...(backup === 'snapshot' ? { method: 'volumeSnapshot' } : {}),
        },
      });
    }
    if (values.monitoring === 'prometheus') {
      documents.push({
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: kubernetesMetadata(input, cluster),
        spec: {
          selector: { matchLabels: { 'cnpg.io/cluster': cluster } },
          podMetricsEndpoints: [{ port: 'metrics' }],
        },
      });
    }
    const files: RenderedFile[] = [
      {
        path: `${DIR}/cluster.yaml`,
        content: `${header(
          '#',
          referenceTag,
          `PostgreSQL cluster for ${request.name} (${request.environment}).`,
        )}${yamlDocuments(...documents)}`,
      },
    ];
    return files;
  },
};

export { topologyConflict };
