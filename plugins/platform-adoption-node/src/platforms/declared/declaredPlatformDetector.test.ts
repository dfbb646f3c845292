import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { detectFiles, facetValues, lineOf } from '../../testing/detect';
import { parseDeclaredPlatforms } from './declaration';
import {
  declaredPlatformDetector,
  readDeclaredPlatforms,
} from './declaredPlatformDetector';

/** OpenSearch as a customer would declare it: the operator's CR and containers. */
const OPENSEARCH = {
  id: 'opensearch',
  title: 'OpenSearch',
  vendor: 'OpenSearch Project',
  facets: [
    { id: 'version', title: 'Version', kind: 'version', weight: 0.7 },
    {
      id: 'environment',
      title: 'Environment',
      kind: 'nominal',
      weight: 0,
      context: 'strict',
    },
    { id: 'nodes', title: 'Nodes', kind: 'numeric', weight: 0.4 },
    {
      id: 'security',
      title: 'Security plugin',
      kind: 'boolean',
      weight: 1,
      better: [false, true],
      unacceptable: [false],
    },
    {
      id: 'tier',
      title: 'Tier',
      kind: 'ordinal',
      weight: 0.3,
      better: ['bronze', ['silver', 'gold']],
    },
  ],
  entitySignals: { resourceTypes: ['opensearch'], tags: ['opensearch'] },
  fileSignals: [
    {
      globs: ['**/*.yaml', '**/*.yml'],
      select: { apiVersion: 'opensearch.opster.io', kind: 'OpenSearchCluster' },
      kind: 'server',
      name: 'spec.general.serviceName',
      facets: {
        version: { path: 'spec.general.version' },
        nodes: { path: 'spec.nodePools[0].replicas' },
        security: { path: 'spec.security.tls.http.generate', default: false },
        tier: {
          path: 'metadata.labels.tier',
          map: { premium: 'gold', standard: 'silver', basic: 'bronze' },
        },
      },
    },
    {
      globs: ['**/*compose*.yml', '**/*compose*.yaml', '**/k8s/*.yaml'],
      select: { image: 'opensearchproject/opensearch' },
      facets: {
        version: { path: 'container.image' },
        security: {
          path: 'container.environment.DISABLE_SECURITY_PLUGIN',
          map: { true: false, false: true },
          default: true,
        },
      },
    },
  ],
};

const CLUSTER = `apiVersion: opensearch.opster.io/v1
kind: OpenSearchCluster
metadata:
  name: search
  namespace: catalog-prod
  labels:
    tier: premium
spec:
  general:
    serviceName: catalog-search
    version: 2.14.0
  nodePools:
    - component: masters
      replicas: 3
      roles: [cluster_manager, data]
  security:
    tls:
      http:
        generate: true
`;

const detector = declaredPlatformDetector(
  parseDeclaredPlatforms([OPENSEARCH])[0],
);

describe('a platform declared in app-config', () => {
  it('reads an operator resource through the declared paths, with evidence', () => {
    const result = detectFiles({ 'deploy/search.yaml': CLUSTER }, [detector]);
    expect(result.deployments).toHaveLength(1);
    const [deployment] = result.deployments;
    expect(deployment).toMatchObject({
      platform: 'opensearch',
      kind: 'server',
      name: 'catalog-search',
      key: 'deploy/search.yaml#OpenSearchCluster/catalog-prod/search',
    });
    expect(facetValues(deployment)).toEqual({
      version: '2.14.0',
      environment: 'production',
      nodes: 3,
      security: true,
      tier: 'gold',
    });
    expect(deployment.facets.nodes.evidence).toMatchObject({
      path: 'deploy/search.yaml',
      line: lineOf(CLUSTER, 'replicas: 3'),
    });
    expect(deployment.facets.tier.evidence.note).toBe(
      'metadata.labels.tier "premium" mapped to gold',
    );
  });

  it('reads Compose services and Kubernetes containers running the selected image', () => {
    const result = detectFiles(
      {
        'docker-compose.yml': `services:
  search:
    image: opensearchproject/opensearch:2.13.0
    environment:
      - discovery.type=single-node
      - DISABLE_SECURITY_PLUGIN=true
  dashboards:
    image: opensearchproject/opensearch-dashboards:2.13.0
`,
        'k8s/statefulset.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: logs
  namespace: observability-staging
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: opensearch
          image: docker.io/opensearchproject/opensearch:\${OPENSEARCH_TAG}
        - name: exporter
          image: prometheuscommunity/elasticsearch-exporter:v1.7.0
`,
      },
      [detector],
    );
    expect(result.deployments.map(d => d.key)).toEqual([
      'docker-compose.yml#search',
      'k8s/statefulset.yaml#StatefulSet/observability-staging/logs/opensearch',
    ]);
    const [compose, statefulSet] = result.deployments;
    // Facets a signal does not map are not reported for its deployments.
    expect(facetValues(compose)).toEqual({
      version: '2.13.0',
      environment: 'development',
      security: false,
    });
    expect(facetValues(statefulSet)).toMatchObject({
      version: UNKNOWN,
      environment: 'staging',
      security: true,
    });
    expect(statefulSet.facets.version.evidence.note).toContain('unresolved');
    expect(statefulSet.facets.security.evidence.note).toBe(
      'declared default (container.environment.DISABLE_SECURITY_PLUGIN not set)',
    );
  });

  it('is built from Backstage config by readDeclaredPlatforms', () => {
    const detectors = readDeclaredPlatforms({
      getOptional: (key?: string) =>
        key === 'platformAdoption.platforms'
          ? ([OPENSEARCH] as any)
          : undefined,
    });
    expect(detectors.map(d => d.platform)).toEqual([
      expect.objectContaining({
        id: 'opensearch',
        title: 'OpenSearch',
        vendor: 'OpenSearch Project',
      }),
    ]);
    expect(detectors[0].entitySignals).toEqual({
      resourceTypes: ['opensearch'],
      tags: ['opensearch'],
    });
    expect(detectors[0].fileGlobs).toContain('**/k8s/*.yaml');
    expect(readDeclaredPlatforms({ getOptional: () => undefined })).toEqual([]);
  });
});

describe('a malformed declaration', () => {
  const withPlatform = (patch: (p: any) => void) => {
    const platform = JSON.parse(JSON.stringify(OPENSEARCH));
    patch(platform);
    return () =>
      parseDeclaredPlatforms([{ ...OPENSEARCH, id: 'first' }, platform]);
  };

  it.each([
    [
      'a facet kind',
      (p: any) => {
        p.facets[0].kind = 'text';
      },
      'platformAdoption.platforms[1].facets[0].kind must be one of nominal, ordinal, version, boolean, numeric (got "text")',
    ],
    [
      'a weight',
      (p: any) => {
        p.facets[2].weight = 2;
      },
      'platformAdoption.platforms[1].facets[2].weight must be a number from 0 to 1 (got 2)',
    ],
    [
      'a context',
      (p: any) => {
        p.facets[1].context = 'hard';
      },
      'platformAdoption.platforms[1].facets[1].context must be true, false or "strict" (got "hard")',
    ],
    [
      'a misspelt key',
      (p: any) => {
        p.fileSignals[0].glob = p.fileSignals[0].globs;
      },
      'platformAdoption.platforms[1].fileSignals[0].glob is not a known key (known: globs, select, kind, name, facets)',
    ],
    [
      'a facet the platform does not declare',
      (p: any) => {
        p.fileSignals[1].facets.replicas = { path: 'spec.replicas' };
      },
      'platformAdoption.platforms[1].fileSignals[1].facets.replicas is not a facet of the platform (its facets: version, environment, nodes, security, tier)',
    ],
    [
      'a deployment kind',
      (p: any) => {
        p.fileSignals[0].kind = 'cluster';
      },
      'platformAdoption.platforms[1].fileSignals[0].kind must be one of server, client (got "cluster")',
    ],
    [
      'a missing path',
      (p: any) => {
        delete p.fileSignals[0].facets.version.path;
      },
      'platformAdoption.platforms[1].fileSignals[0].facets.version.path must be a non-empty string (got undefined)',
    ],
    [
      'a built-in id',
      (p: any) => {
        p.id = 'kafka';
      },
      'platformAdoption.platforms[1].id is a built-in platform; choose another id (got "kafka")',
    ],
    [
      'a repeated id',
      (p: any) => {
        p.id = 'first';
      },
      'platformAdoption.platforms[1].id repeats another platform id (got "first")',
    ],
    [
      'a better tier value',
      (p: any) => {
        p.facets[4].better = ['bronze', [3]];
      },
      'platformAdoption.platforms[1].facets[4].better[1][0] must be a string or boolean (got 3)',
    ],
  ])('names the key at fault: %s', (_name, patch, message) => {
    expect(withPlatform(patch)).toThrow(message);
  });

  it('is refused when not a list', () => {
    expect(() => parseDeclaredPlatforms({ id: 'x' })).toThrow(
      'platformAdoption.platforms must be a list (got an object)',
    );
  });
});
