// Fernhill's OpenSearch estate, a custom platform declared in app-config.
// The dominant pattern: the OpenSearch operator, OpenSearch 2.14.0, three
// nodes, TLS from the security plugin, operator monitoring, Dashboards.
import {
  openSearchCluster,
  openSearchCompose,
} from '../formats/opensearch.mjs';

const operator = overrides => ({
  version: '2.14.0',
  nodes: 3,
  security: true,
  monitoring: true,
  dashboards: true,
  ...overrides,
});

function clusterRepo(
  repository,
  owner,
  { name, namespace, facets = {}, plant = null, extra = [] },
) {
  const resource = `${name}-opensearch`;
  return {
    repository,
    owner,
    driver: null,
    resources: [[resource, `OpenSearch cluster ${name}.`, []]],
    deployments: [
      {
        key: 'operator-production',
        environment: 'production',
        form: 'kubernetes:opensearch.OpenSearchCluster',
        resource,
        facets: operator(facets),
        plant,
        render(r, d) {
          return openSearchCluster({
            ...d,
            owner,
            name,
            namespace,
            dir: 'deploy/opensearch',
          });
        },
      },
      ...extra,
    ],
  };
}

const devSearch = file => ({
  key: 'compose-development',
  environment: 'development',
  form: 'docker-compose',
  facets: { version: '2.13.0', security: false },
  render(r, d) {
    return openSearchCompose({ ...d, file });
  },
});

export const OPENSEARCH_REPOSITORIES = [
  clusterRepo('instrument-reference-service', 'market-data', {
    name: 'instruments-search',
    namespace: 'market-data-prod',
  }),
  clusterRepo('address-lookup-service', 'kyc-onboarding', {
    name: 'address-search',
    namespace: 'kyc-prod',
    extra: [devSearch('docker-compose.yml')],
  }),
  clusterRepo('survey-feedback-analyser', 'customer-insights', {
    name: 'feedback-search',
    namespace: 'insights-prod',
  }),
  clusterRepo('watchlist-loader', 'financial-crime', {
    name: 'watchlist-search',
    namespace: 'fincrime-prod',
    extra: [devSearch('compose.yaml')],
  }),
  clusterRepo('fund-fact-sheet-generator', 'portfolio-management', {
    name: 'fund-search',
    namespace: 'wealth-prod',
  }),
  clusterRepo('log-shipper', 'observability', {
    name: 'log-search',
    namespace: 'observability-prod',
    facets: { security: false, nodes: 5 },
    plant: {
      kind: 'snowflake',
      facet: 'security',
      note: "No security section: the cluster holding every service's logs serves HTTP without TLS or authentication.",
    },
  }),
];

export const OPENSEARCH_SHADOW_DRIVERS = [];
export const OPENSEARCH_DECLARED_ONLY = [];
