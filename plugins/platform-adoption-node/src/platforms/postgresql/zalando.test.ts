import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { postgresqlDetector } from './detector';

const manifest = (extra: string) => `apiVersion: acid.zalan.do/v1
kind: postgresql
metadata:
  name: acid-cases
  namespace: cases-staging
spec:
  teamId: acid
  numberOfInstances: 2
  postgresql:
    version: "15"
  volume:
    size: 10Gi
${extra}`;

describe('Zalando postgres-operator clusters', () => {
  it('reads a cluster with logical backups and an exporter sidecar', () => {
    const deployment = onlyServer(
      detectFiles(
        {
          'manifests/db.yaml': manifest(
            '  enableLogicalBackup: true\n  sidecars:\n    - name: exporter\n      image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0\n      env:\n        - name: DATA_SOURCE_PASS\n          value: "Sidecar-Secret-99"\n',
          ),
        },
        [postgresqlDetector],
      ),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'operator',
      environment: 'staging',
      operator: 'zalando',
      version: '15',
      replicas: 2,
      topology: 'replicated',
      backup: 'snapshot',
      backupTool: 'logical-backup',
      monitoring: 'prometheus',
      authentication: 'password',
      tls: true,
    });
    expect(JSON.stringify(deployment)).not.toContain('Sidecar-Secret-99');
  });

  it('counts WAL archiving switched on in the manifest as continuous, and notes the operator may add it', () => {
    const archived = onlyServer(
      detectFiles(
        {
          'a.yaml': manifest(
            '  env:\n    - name: WAL_S3_BUCKET\n      value: backups\n',
          ),
        },
        [postgresqlDetector],
      ),
    );
    expect(facetValues(archived)).toMatchObject({
      backup: 'continuous',
      backupTool: 'wal-g',
    });
    const none = onlyServer(
      detectFiles({ 'b.yaml': manifest('') }, [postgresqlDetector]),
    );
    expect(none.facets.backup).toMatchObject({
      value: 'none',
      evidence: { note: expect.stringContaining('operator configuration') },
    });
  });
});
