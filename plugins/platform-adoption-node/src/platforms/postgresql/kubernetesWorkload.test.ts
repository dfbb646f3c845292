import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { postgresqlDetector } from './detector';

describe('PostgreSQL as a Kubernetes workload', () => {
  it('reads a StatefulSet running the postgres image, with a pg_dump CronJob in its namespace', () => {
    const deployment = onlyServer(
      detectFiles(
        {
          'k8s/db.yaml':
            'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: shop-dev\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:15.6\n          env:\n            - name: POSTGRES_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }\n        - name: exporter\n          image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0\n',
          'k8s/backup.yaml':
            'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: db-dump\n  namespace: shop-dev\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: dump\n              image: postgres:15.6\n              args: ["pg_dumpall", "-h", "db"]\n',
        },
        [postgresqlDetector],
      ),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'kubernetes-manifest',
      environment: 'development',
      version: '15.6',
      replicas: 1,
      topology: 'standalone',
      authentication: 'password',
      tls: false,
      monitoring: 'prometheus',
      backup: 'snapshot',
      backupTool: 'pg-dump-cronjob',
    });
  });
});
