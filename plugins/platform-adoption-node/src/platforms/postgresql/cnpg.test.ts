import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { postgresqlDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [postgresqlDetector]);

describe('CloudNativePG clusters', () => {
  it('reads a cluster with WAL archiving, its ScheduledBackup and PodMonitor in other files', () => {
    const cluster = `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: accounts-pg
  namespace: accounts
  labels:
    environment: production
spec:
  instances: 3
  imageName: ghcr.io/cloudnative-pg/postgresql:16.4
  backup:
    barmanObjectStore:
      destinationPath: s3://backups/accounts
`;
    const result = detect({
      'k8s/cluster.yaml': cluster,
      'k8s/backup.yaml':
        'apiVersion: postgresql.cnpg.io/v1\nkind: ScheduledBackup\nmetadata:\n  name: accounts-daily\n  namespace: accounts\nspec:\n  schedule: "0 0 1 * * *"\n  cluster:\n    name: accounts-pg\n',
      'k8s/monitor.yaml':
        'apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata:\n  name: accounts-pg\n  namespace: accounts\nspec:\n  selector:\n    matchLabels:\n      cnpg.io/cluster: accounts-pg\n',
    });
    const deployment = onlyServer(result);
    expect(deployment.key).toBe(
      'k8s/cluster.yaml#Cluster/accounts/accounts-pg',
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'operator',
      environment: 'production',
      operator: 'cnpg',
      version: '16.4',
      replicas: 3,
      topology: 'replicated',
      backup: 'continuous',
      backupTool: 'barman',
      monitoring: 'prometheus',
      authentication: 'password',
      tls: true,
    });
    expect(deployment.facets.backup.evidence).toMatchObject({
      line: lineOf(cluster, 'barmanObjectStore'),
      note: expect.stringContaining('ScheduledBackup accounts-daily'),
    });
    expect(deployment.facets.monitoring.evidence).toMatchObject({
      path: 'k8s/monitor.yaml',
    });
    expect(deployment.files).toEqual([
      'k8s/backup.yaml',
      'k8s/cluster.yaml',
      'k8s/monitor.yaml',
    ]);
  });

  it('says a trust rule lets clients in without a password, and one instance has no standby', () => {
    const deployment = onlyServer(
      detect({
        'c.yaml':
          'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: x\nspec:\n  instances: 1\n  postgresql:\n    pg_hba:\n      - hostssl all all 10.0.0.0/8 scram-sha-256\n      - host all all 10.0.0.0/8 trust\n',
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      authentication: 'none',
      topology: 'standalone',
      replicas: 1,
      backup: 'none',
      monitoring: 'none',
      version: UNKNOWN,
    });
    expect(deployment.facets.authentication.evidence.note).toBe(
      'pg_hba "host all all 10.0.0.0/8 trust"',
    );
  });

  it('reads the Barman Cloud plugin, volume snapshots and image catalogs', () => {
    const result = detect({
      'plugin.yaml':
        'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: p\nspec:\n  instances: 2\n  imageCatalogRef:\n    apiGroup: postgresql.cnpg.io\n    kind: ClusterImageCatalog\n    name: postgresql\n    major: 17\n  plugins:\n    - name: barman-cloud.cloudnative-pg.io\n      isWALArchiver: true\n      parameters:\n        barmanObjectName: store\n',
      'snap.yaml':
        'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: s\nspec:\n  instances: 2\n  backup:\n    volumeSnapshot:\n      className: csi\n',
    });
    const byName = Object.fromEntries(
      result.deployments.map(d => [d.name, facetValues(d)]),
    );
    expect(byName.p).toMatchObject({
      version: '17',
      backup: 'continuous',
      backupTool: 'barman',
    });
    expect(byName.s).toMatchObject({
      backup: 'snapshot',
      backupTool: 'volume-snapshot',
    });
  });
});
