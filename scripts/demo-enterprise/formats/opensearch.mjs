// OpenSearch, Fernhill's own search platform: not a built-in platform of
// Platform Adoption, so app-config declares it (platformAdoption.platforms)
// and the scanner reads these files through that declaration.
import { toYaml } from '../yaml.mjs';

/** An OpenSearch Kubernetes Operator cluster (opensearch.opster.io/v1). */
export function openSearchCluster(d) {
  const f = d.facets;
  const doc = {
    apiVersion: 'opensearch.opster.io/v1',
    kind: 'OpenSearchCluster',
    metadata: {
      name: d.name,
      namespace: d.namespace,
      labels: { environment: d.environment, team: d.owner },
    },
    spec: {
      general: {
        serviceName: d.name,
        version: f.version,
        httpPort: 9200,
        monitoring: f.monitoring ? { enable: true } : undefined,
      },
      security: f.security
        ? { tls: { transport: { generate: true }, http: { generate: true } } }
        : undefined,
      dashboards: { enable: f.dashboards, version: f.version, replicas: 1 },
      nodePools: [
        {
          component: 'nodes',
          replicas: f.nodes,
          diskSize: '100Gi',
          roles: ['cluster_manager', 'data', 'ingest'],
          resources: {
            requests: { memory: '4Gi', cpu: '1' },
            limits: { memory: '4Gi' },
          },
        },
      ],
    },
  };
  return {
    files: { [`${d.dir}/opensearch-cluster.yaml`]: toYaml(doc) },
    secrets: [],
  };
}

/** OpenSearch on a laptop, with the security plugin switched off as the quick start does. */
export function openSearchCompose(d) {
  return {
    files: {
      [d.file]: toYaml({
        services: {
          opensearch: {
            image: `opensearchproject/opensearch:${d.facets.version}`,
            environment: [
              'discovery.type=single-node',
              'DISABLE_SECURITY_PLUGIN=true',
              'OPENSEARCH_JAVA_OPTS=-Xms512m -Xmx512m',
            ],
            ports: ['9200:9200'],
          },
        },
      }),
    },
    secrets: [],
  };
}
