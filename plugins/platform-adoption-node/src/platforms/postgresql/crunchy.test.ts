import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { postgresqlDetector } from './detector';

describe('Crunchy PGO PostgresCluster', () => {
  it('reads instance sets, pgBackRest repos, pgMonitor and a precise image version', () => {
    const deployment = onlyServer(
      detectFiles(
        {
          'pg.yaml': `apiVersion: postgres-operator.crunchydata.com/v1beta1
kind: PostgresCluster
metadata:
  name: servicing
  namespace: mortgages
  labels:
    environment: production
spec:
  image: registry.developers.crunchydata.com/crunchydata/crunchy-postgres:ubi8-16.4-0
  postgresVersion: 16
  instances:
    - name: a
      replicas: 2
    - name: b
  backups:
    pgbackrest:
      repos:
        - name: repo1
          schedules:
            full: "0 1 * * 0"
  monitoring:
    pgmonitor:
      exporter: {}
`,
        },
        [postgresqlDetector],
      ),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'operator',
      environment: 'production',
      operator: 'crunchy',
      version: '16.4',
      replicas: 3,
      topology: 'replicated',
      backup: 'continuous',
      backupTool: 'pgbackrest',
      monitoring: 'prometheus',
      authentication: 'password',
      tls: true,
    });
  });

  it('reads a cluster without backups or monitoring', () => {
    const deployment = onlyServer(
      detectFiles(
        {
          'pg.yaml':
            'apiVersion: postgres-operator.crunchydata.com/v1beta1\nkind: PostgresCluster\nmetadata:\n  name: small\nspec:\n  postgresVersion: 15\n  instances:\n    - name: a\n',
        },
        [postgresqlDetector],
      ),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: '15',
      replicas: 1,
      topology: 'standalone',
      backup: 'none',
      monitoring: 'none',
    });
  });
});
