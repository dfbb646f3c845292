import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { mongodbDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [mongodbDetector]);

const helmRelease = (
  apiVersion: string,
  values: string,
  extra = '',
) => `apiVersion: ${apiVersion}
kind: HelmRelease
metadata:
  name: orders-mongodb
  namespace: orders-prod
spec:
  interval: 10m
  chart:
    spec:
      chart: mongodb
      version: 15.6.26
      sourceRef:
        kind: HelmRepository
        name: bitnami
${extra}  values:
${values}`;

describe('MongoDB from Bitnami Helm charts', () => {
  it.each([
    'helm.toolkit.fluxcd.io/v2beta1',
    'helm.toolkit.fluxcd.io/v2beta2',
    'helm.toolkit.fluxcd.io/v2',
  ])(
    'reads a Flux HelmRelease %s, never taking the chart version for the server version',
    apiVersion => {
      const text = helmRelease(
        apiVersion,
        '    architecture: replicaset\n    replicaCount: 3\n',
      );
      const deployment = onlyServer(
        detect({ 'apps/orders/helmrelease.yaml': text }),
      );
      expect(deployment.key).toBe(
        'apps/orders/helmrelease.yaml#HelmRelease/orders-prod/orders-mongodb',
      );
      expect(facetValues(deployment)).toEqual({
        hosting: 'kubernetes',
        provisioning: 'helm',
        version: UNKNOWN,
        topology: 'replicaset',
        replicas: 3,
        backup: 'none',
        backupTool: 'none',
        monitoring: 'none',
        authentication: 'scram',
        tls: false,
        environment: 'production',
      });
      expect(deployment.facets.version.evidence.note).toBe(
        "chart default image (chart version 15.6.26 is the chart's, not MongoDB's)",
      );
      expect(deployment.facets.environment.evidence).toMatchObject({
        note: 'namespace "orders-prod"',
      });
    },
  );

  it('takes the server version from image.tag, distro suffix and digest stripped', () => {
    const text = helmRelease(
      'helm.toolkit.fluxcd.io/v2',
      '    image:\n      repository: bitnami/mongodb\n      tag: 7.0.14-debian-12-r0@sha256:245fbb55\n',
    );
    const deployment = onlyServer(detect({ 'release.yaml': text }));
    expect(deployment.facets.version).toEqual({
      value: '7.0.14',
      evidence: {
        kind: 'file',
        path: 'release.yaml',
        line: lineOf(text, 'tag: 7.0.14'),
        note: 'image tag 7.0.14-debian-12-r0@sha256:245fbb55',
      },
    });
  });

  it('turns chart defaults into unknown when valuesFrom may override them', () => {
    const text = helmRelease(
      'helm.toolkit.fluxcd.io/v2',
      '    metrics:\n      enabled: true\n',
      '  valuesFrom:\n    - kind: Secret\n      name: mongodb-values\n',
    );
    const facets = facetValues(onlyServer(detect({ 'release.yaml': text })));
    expect(facets).toMatchObject({
      monitoring: 'prometheus',
      topology: UNKNOWN,
      backup: UNKNOWN,
      authentication: UNKNOWN,
      tls: UNKNOWN,
    });
  });

  it('keeps an inline root password out of every output, noting that it is inline', () => {
    const password = 'Attrib-M0ngo-Root-EXAMPLE-7731';
    const text = `architecture: standalone\nauth:\n  rootPassword: "${password}"\n  usernames: [app]\n  passwords: ["${password}"]\n  databases: [app]\n`;
    const result = detect({ 'deploy/helm/values-prod.yaml': text });
    const deployment = onlyServer(result);
    expect(deployment.facets.authentication).toEqual({
      value: 'scram',
      evidence: {
        kind: 'file',
        path: 'deploy/helm/values-prod.yaml',
        line: 3,
        note: 'root password written inline in the values (value not stored)',
      },
    });
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('layers values-<env>.yaml over values.yaml, with evidence in the file each value comes from', () => {
    const base =
      'image:\n  repository: bitnami/mongodb\n  tag: 7.0.14-debian-12-r0\narchitecture: replicaset\nreplicaCount: 2\nmetrics:\n  enabled: true\n';
    const result = detect({
      'deploy/mongodb/values.yaml': base,
      'deploy/mongodb/values-prod.yaml':
        'replicaCount: 5\nbackup:\n  enabled: true\n',
      'deploy/mongodb/values-staging.yaml': 'metrics:\n  enabled: false\n',
    });
    const servers = result.deployments.filter(d => d.kind === 'server');
    expect(servers.map(s => s.key).sort()).toEqual([
      'deploy/mongodb/values-prod.yaml',
      'deploy/mongodb/values-staging.yaml',
    ]);
    const prod = servers.find(s => s.key.endsWith('prod.yaml'))!;
    expect(facetValues(prod)).toMatchObject({
      environment: 'production',
      version: '7.0.14',
      replicas: 5,
      backup: 'snapshot',
      backupTool: 'mongodump-cronjob',
      monitoring: 'prometheus',
    });
    expect(prod.facets.replicas.evidence).toMatchObject({
      path: 'deploy/mongodb/values-prod.yaml',
      line: 1,
    });
    expect(prod.facets.version.evidence).toMatchObject({
      path: 'deploy/mongodb/values.yaml',
      line: 3,
    });
    expect(prod.files).toEqual([
      'deploy/mongodb/values-prod.yaml',
      'deploy/mongodb/values.yaml',
    ]);
    const staging = servers.find(s => s.key.endsWith('staging.yaml'))!;
    expect(facetValues(staging)).toMatchObject({
      environment: 'staging',
      replicas: 2,
      monitoring: 'none',
      backup: 'none',
    });
  });

  it('reads the mongodb section of an umbrella chart, not the application values around it', () => {
    const result = detect({
      'charts/app/Chart.yaml':
        'apiVersion: v2\nname: app\nversion: 2.3.0\ndependencies:\n  - name: mongodb\n    version: 15.6.26\n    repository: oci://registry-1.docker.io/bitnamicharts\n',
      'charts/app/values.yaml':
        'replicaCount: 4\nimage:\n  repository: example/app\n  tag: "2.3.0"\nmongodb:\n  auth:\n    enabled: false\n',
    });
    const deployment = onlyServer(result);
    expect(deployment.key).toBe('charts/app/values.yaml#mongodb');
    expect(facetValues(deployment)).toMatchObject({
      topology: 'standalone',
      replicas: 1,
      authentication: 'none',
      version: UNKNOWN,
    });
    expect(deployment.facets.version.evidence.note).toContain('15.6.26');
  });

  it("does not take a vendored chart's own defaults, nor PostgreSQL values, for an installation", () => {
    const result = detect({
      'charts/mongodb/Chart.yaml':
        'apiVersion: v2\nname: mongodb\nversion: 15.6.26\n',
      'charts/mongodb/values.yaml':
        'architecture: standalone\nuseStatefulSet: false\nimage:\n  repository: bitnami/mongodb\n',
      'db/values.yaml':
        'architecture: replication\nauth:\n  postgresPassword: x\nprimary: {}\n',
    });
    expect(result.deployments).toEqual([]);
  });

  it('recognises a chartRef release by its name and values, and the sharded chart', () => {
    const result = detect({
      'chartref.yaml':
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: mongodb\nspec:\n  chartRef:\n    kind: OCIRepository\n    name: mongodb\n  values:\n    architecture: standalone\n    useStatefulSet: true\n',
      'sharded.yaml':
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: events\n  namespace: events-staging\nspec:\n  chart:\n    spec:\n      chart: mongodb-sharded\n  values:\n    shards: 4\n    metrics:\n      enabled: true\n',
    });
    const byName = Object.fromEntries(
      result.deployments.map(d => [d.name, facetValues(d)]),
    );
    expect(byName.mongodb).toMatchObject({
      topology: 'standalone',
      replicas: 1,
    });
    expect(byName.events).toMatchObject({
      topology: 'sharded',
      shards: 4,
      replicas: 1,
      monitoring: 'prometheus',
      environment: 'staging',
    });
  });
});
