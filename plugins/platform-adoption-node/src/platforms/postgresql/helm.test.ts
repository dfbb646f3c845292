import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { postgresqlDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [postgresqlDetector]);

describe('PostgreSQL from Bitnami Helm charts', () => {
  it('reads a replication values file', () => {
    const deployment = onlyServer(
      detect({
        'deploy/helm/postgresql/values-prod.yaml':
          'image:\n  repository: bitnami/postgresql\n  tag: 16.4.0-debian-12-r9\narchitecture: replication\nreadReplicas:\n  replicaCount: 2\ntls:\n  enabled: true\nmetrics:\n  enabled: true\nbackup:\n  enabled: true\n',
      }),
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'helm',
      version: '16.4.0',
      topology: 'replicated',
      replicas: 3,
      backup: 'snapshot',
      backupTool: 'pg-dumpall-cronjob',
      monitoring: 'prometheus',
      tls: true,
      authentication: 'password',
      environment: 'production',
    });
  });

  it('reads a HelmRelease with chart defaults and never the chart version as the server version', () => {
    const deployment = onlyServer(
      detect({
        'flux/pg.yaml':
          'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: pg\n  namespace: dev\nspec:\n  chart:\n    spec:\n      chart: postgresql\n      version: 15.5.38\n  values:\n    auth:\n      postgresPassword: "Helm-Inline-Pg-Password-1"\n    ldap:\n      enabled: true\n',
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: UNKNOWN,
      topology: 'standalone',
      replicas: 1,
      backup: 'none',
      tls: false,
      authentication: 'ldap',
      environment: 'development',
    });
    expect(deployment.facets.version.evidence.note).toContain('15.5.38');
    expect(JSON.stringify(deployment)).not.toContain(
      'Helm-Inline-Pg-Password-1',
    );
  });

  it('reads the postgresql-ha chart', () => {
    const deployment = onlyServer(
      detect({
        'ha.yaml':
          'apiVersion: helm.toolkit.fluxcd.io/v2beta2\nkind: HelmRelease\nmetadata:\n  name: ha\nspec:\n  chart:\n    spec:\n      chart: postgresql-ha\n  values:\n    postgresql:\n      image:\n        tag: 15.8.0-debian-12-r0\n',
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      version: '15.8.0',
      topology: 'replicated',
      replicas: 3,
    });
  });

  it('does not take MongoDB values for PostgreSQL', () => {
    expect(
      detect({
        'values.yaml':
          'architecture: replicaset\nreplicaCount: 3\nimage:\n  repository: bitnami/mongodb\n',
      }).deployments,
    ).toEqual([]);
  });
});
