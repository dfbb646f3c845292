// Fernhill's MongoDB estate: which repositories run MongoDB, how, and what a
// scanner should read from each. The dominant pattern is Atlas 7.0, a
// three-node replica set on M30 in eu-west-2, cloud backup on, TLS 1.2 and
// x509/SCRAM users; the departures from it are planted on purpose.
//
// Each deployment states its facets once; the renderers turn them into
// files, and planted.json reports the same facets as what must be found.
import { atlasProject } from '../formats/atlas.mjs';
import { mongoCompose } from '../formats/compose.mjs';
import {
  bitnamiMongoValues,
  fluxMongoRelease,
  umbrellaChart,
} from '../formats/helm.mjs';
import {
  mongodbCommunity,
  mongodumpCronJob,
  mongoStatefulSet,
} from '../formats/kubernetes.mjs';
import { toYaml } from '../yaml.mjs';

const atlas = overrides => ({
  version: '7.0',
  hosting: 'atlas',
  topology: 'replicaset',
  replicas: 3,
  backup: 'atlas-cloud-backup',
  monitoring: 'datadog',
  authentication: 'x509',
  tls: true,
  region: 'eu-west-2',
  ...overrides,
});

const selfHosted = overrides => ({
  version: '7.0.14',
  hosting: 'kubernetes',
  topology: 'replicaset',
  replicas: 3,
  backup: 'mongodump-cronjob',
  monitoring: 'prometheus',
  authentication: 'scram',
  tls: true,
  ...overrides,
});

const ATLAS_MODULE_FILES = [
  'main.tf',
  'backup.tf',
  'users.tf',
  'monitoring.tf',
  'variables.tf',
  'versions.tf',
].map(f => `infra/atlas/${f}`);

// One Atlas cluster with its users, in a root module of its own.
function singleAtlas(
  r,
  d,
  {
    id,
    name,
    instanceSize = 'M30',
    dir = 'infra/atlas',
    layout = 'split',
    user,
    schedule = true,
    ...cluster
  },
) {
  return atlasProject({
    dir,
    layout,
    stateKey: `${r.repository}/atlas.tfstate`,
    clusters: [
      {
        id,
        name,
        environment: d.environment,
        owner: r.owner,
        facets: d.facets,
        instanceSize,
        schedule,
        ...cluster,
      },
    ],
    users: [{ clusterIds: [id], ou: r.owner, ...user }],
    monitoring: d.facets.monitoring,
  });
}

export const MONGODB_REPOSITORIES = [
  {
    repository: 'payments-ledger-service',
    owner: 'payments-core',
    driver: 'default',
    resources: [
      [
        'payments-ledger-mongodb',
        'MongoDB Atlas cluster holding ledger postings.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'payments-ledger-mongodb',
        facets: atlas({}),
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'ledger',
            name: 'payments-ledger-prod',
            user: {
              id: 'ledger_service',
              type: 'x509',
              username: 'payments-ledger-service',
              database: 'ledger',
            },
          });
        },
      },
      {
        key: 'compose-development',
        environment: 'development',
        form: 'docker-compose',
        facets: {
          version: '7.0',
          hosting: 'docker',
          topology: 'replicaset',
          replicas: 1,
          backup: 'none',
          authentication: 'none',
          tls: false,
        },
        render(r, d) {
          // Transactions need a replica set even on a laptop; nobody adds auth.
          return mongoCompose({
            ...d,
            repository: r.repository,
            file: 'docker-compose.yml',
            dbName: 'ledger',
          });
        },
      },
    ],
  },
  {
    // Two clusters (production and staging) from one Terraform root module
    // split across main.tf, backup.tf, users.tf, monitoring.tf, variables.tf.
    repository: 'card-tokenization-service',
    owner: 'cards-platform',
    driver: 'default',
    resources: [
      [
        'card-tokens-mongodb-prod',
        'Production Atlas cluster for card and device tokens.',
        ['atlas'],
      ],
      [
        'card-tokens-mongodb-staging',
        'Staging Atlas cluster for card and device tokens.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'card-tokens-mongodb-prod',
        facets: atlas({}),
        files: ATLAS_MODULE_FILES,
        render(r, d) {
          const staging = r.deployments.find(x => x.key === 'atlas-staging');
          const versionVar = { name: 'mongo_major_version', default: '7.0' };
          return atlasProject({
            dir: 'infra/atlas',
            stateKey: `${r.repository}/atlas.tfstate`,
            clusters: [
              {
                id: 'tokens_prod',
                name: 'card-tokens-prod',
                environment: 'production',
                owner: r.owner,
                facets: d.facets,
                instanceSize: 'M30',
                schedule: true,
                versionVar,
              },
              {
                id: 'tokens_staging',
                name: 'card-tokens-staging',
                environment: 'staging',
                owner: r.owner,
                facets: staging.facets,
                instanceSize: 'M10',
                schedule: true,
                versionVar,
              },
            ],
            users: [
              {
                id: 'tokenization_service',
                type: 'x509',
                username: 'card-tokenization-service',
                ou: r.owner,
                database: 'tokens',
                clusterIds: ['tokens_prod', 'tokens_staging'],
              },
            ],
            monitoring: 'datadog',
          });
        },
      },
      {
        key: 'atlas-staging',
        environment: 'staging',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'card-tokens-mongodb-staging',
        facets: atlas({}),
        files: ATLAS_MODULE_FILES,
        render: null,
      },
    ],
  },
  {
    repository: 'customer-profile-service',
    owner: 'customer-identity',
    driver: 'default',
    resources: [
      [
        'customer-profile-mongodb',
        'Atlas cluster with customer profiles.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'customer-profile-mongodb',
        facets: atlas({ authentication: 'aws-iam' }),
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'profiles',
            name: 'customer-profiles-prod',
            dir: 'terraform',
            layout: 'single',
            user: {
              id: 'profile_service',
              type: 'aws-iam',
              database: 'profiles',
            },
          });
        },
      },
    ],
  },
  {
    repository: 'open-banking-consent-service',
    owner: 'open-banking',
    driver: 'mongoose',
    resources: [
      [
        'open-banking-consents-mongodb',
        'Atlas cluster storing TPP consents.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'open-banking-consents-mongodb',
        facets: atlas({ authentication: 'scram', monitoring: 'prometheus' }),
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'consents',
            name: 'ob-consents-prod',
            user: {
              id: 'consent_service',
              type: 'scram',
              username: 'consent-service',
              database: 'consents',
            },
          });
        },
      },
    ],
  },
  {
    repository: 'fraud-case-manager',
    owner: 'fraud-detection',
    driver: 'default',
    resources: [
      [
        'fraud-cases-mongodb',
        'Atlas cluster with fraud cases and evidence.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'fraud-cases-mongodb',
        facets: atlas({ backup: 'atlas-cloud-backup+pitr' }),
        plant: {
          kind: 'positive-deviant',
          facet: 'backup',
          note: 'The only MongoDB deployment with continuous cloud backup (pit_enabled = true, restore_window_days = 7); every other Atlas cluster has snapshots only.',
        },
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'fraud_cases',
            name: 'fraud-cases-prod',
            dir: 'terraform/atlas',
            user: {
              id: 'case_manager',
              type: 'x509',
              username: 'fraud-case-manager',
              database: 'cases',
            },
          });
        },
      },
    ],
  },
  {
    repository: 'market-data-tick-store',
    owner: 'market-data',
    driver: 'default',
    resources: [
      [
        'market-ticks-mongodb',
        'Sharded Atlas cluster for intraday ticks.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'market-ticks-mongodb',
        facets: atlas({ topology: 'sharded' }),
        plant: {
          kind: 'snowflake',
          facet: 'topology',
          note: 'Sharded (cluster_type = "SHARDED", num_shards = 2) where every other production MongoDB is a replica set. Justified by tick volume: the natural candidate for an accepted exception.',
        },
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'ticks',
            name: 'market-ticks-prod',
            instanceSize: 'M40',
            shards: 2,
            user: {
              id: 'tick_writer',
              type: 'x509',
              username: 'market-data-tick-store',
              database: 'ticks',
            },
          });
        },
      },
    ],
  },
  {
    repository: 'portfolio-valuation-service',
    owner: 'portfolio-management',
    driver: 'default',
    resources: [
      [
        'portfolio-valuations-mongodb',
        'Atlas cluster with portfolio valuations.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_cluster',
        resource: 'portfolio-valuations-mongodb',
        facets: atlas({ authentication: 'aws-iam' }),
        render(r, d) {
          // The version comes from var.mongo_version, whose default is "7.0".
          return singleAtlas(r, d, {
            id: 'valuations',
            name: 'portfolio-valuations-prod',
            resource: 'legacy',
            legacyPlacement: 'replication_specs',
            versionVar: { name: 'mongo_version', default: '7.0' },
            user: {
              id: 'valuation_service',
              type: 'aws-iam',
              database: 'valuations',
            },
          });
        },
      },
    ],
  },
  {
    repository: 'personal-loan-documents',
    owner: 'personal-lending',
    driver: 'default',
    resources: [
      [
        'loan-documents-mongodb',
        'Atlas cluster holding signed loan documents.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_cluster',
        resource: 'loan-documents-mongodb',
        // provider_region_name form: the node count is Atlas's default, not stated.
        facets: atlas({
          version: null,
          replicas: undefined,
          authentication: 'scram',
          monitoring: undefined,
        }),
        plant: null,
        note: 'mongo_db_major_version = var.mongo_version and the variable has no default (the value comes from the pipeline): the version must come out unknown, not guessed.',
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'documents',
            name: 'loan-documents-prod',
            resource: 'legacy',
            versionVar: { name: 'mongo_version' },
            user: {
              id: 'documents_service',
              type: 'scram',
              username: 'loan-documents',
              database: 'documents',
            },
          });
        },
      },
    ],
  },
  {
    repository: 'kyc-evidence-service',
    owner: 'kyc-onboarding',
    driver: 'default',
    resources: [
      [
        'kyc-evidence-mongodb',
        'Atlas cluster with identity evidence.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_cluster',
        resource: 'kyc-evidence-mongodb',
        facets: atlas({
          version: '4.4',
          replicas: undefined,
          authentication: 'scram',
          monitoring: undefined,
        }),
        plant: {
          kind: 'snowflake',
          facet: 'version',
          note: 'MongoDB 4.4 (end of life) where the fleet runs 7.0: three major releases behind.',
        },
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'evidence',
            name: 'kyc-evidence',
            resource: 'legacy',
            layout: 'single',
            dir: 'infra',
            labelKeyword: 'labels',
            schedule: false,
            user: {
              id: 'evidence_service',
              type: 'scram',
              username: 'kyc-evidence',
              database: 'evidence',
              password: 'KycEvid3nce-Atlas-2021!',
            },
          });
        },
      },
    ],
  },
  {
    repository: 'trade-blotter-service',
    owner: 'trading-platform',
    driver: 'default',
    resources: [
      [
        'trade-blotter-mongodb',
        'Atlas cluster behind the trade blotter.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'trade-blotter-mongodb',
        facets: atlas({ region: 'us-east-1' }),
        // Region varies legitimately (weight 0.05): a scanner must read it
        // right, and the analysis must not flag it.
        plant: {
          kind: 'decoy',
          facet: 'region',
          note: 'Atlas region US_EAST_1 where every other cluster is in EU_WEST_2: region legitimately varies (weight 0.05), so this must not be flagged as a snowflake. The Terraform state backend in the same repository is in eu-west-2: the region must come from region_name.',
        },
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'blotter',
            name: 'trade-blotter-prod',
            user: {
              id: 'blotter_service',
              type: 'x509',
              username: 'trade-blotter-service',
              database: 'blotter',
            },
          });
        },
      },
    ],
  },
  {
    repository: 'mobile-banking-bff',
    owner: 'mobile-banking',
    driver: 'default',
    resources: [
      [
        'mobile-bff-mongodb',
        'Atlas cluster for app sessions and device bindings.',
        ['atlas'],
      ],
    ],
    deployments: [
      {
        key: 'atlas-production',
        environment: 'production',
        form: 'terraform:mongodbatlas_advanced_cluster',
        resource: 'mobile-bff-mongodb',
        facets: atlas({ authentication: 'scram' }),
        render(r, d) {
          return singleAtlas(r, d, {
            id: 'bff',
            name: 'mobile-bff-prod',
            dir: 'deploy/terraform',
            user: {
              id: 'bff_service',
              type: 'scram',
              username: 'mobile-bff',
              database: 'bff',
            },
          });
        },
      },
      {
        key: 'compose-development',
        environment: 'development',
        form: 'docker-compose',
        facets: {
          version: '7.0',
          hosting: 'docker',
          topology: 'standalone',
          replicas: 1,
          backup: 'none',
          authentication: 'scram',
          tls: false,
        },
        render(r, d) {
          const password = 'Bff-Local-Only-42!';
          const out = mongoCompose({
            ...d,
            repository: r.repository,
            file: 'docker-compose.yml',
            rootUser: 'bff',
            password,
            dbName: 'bff',
          });
          // The connection string a developer copies; same fake credential.
          // Written to the repository but not part of the deployment's files.
          out.extraFiles = {
            '.env.example': `PORT=8080\nMONGODB_URI=mongodb://bff:${password}@localhost:27017/bff?authSource=admin\nLOG_LEVEL=debug\n`,
          };
          out.secrets.push({ path: '.env.example', value: password });
          return out;
        },
      },
    ],
  },
  // Team convention: Customer Insights runs all three of its MongoDBs as
  // standalone Bitnami releases, sound in every other respect.
  {
    repository: 'customer-segmentation-service',
    owner: 'customer-insights',
    driver: 'default',
    resources: [
      [
        'customer-segments-mongodb',
        'Self-hosted MongoDB for segment membership.',
        ['kubernetes'],
      ],
    ],
    deployments: [
      {
        key: 'helm-production',
        environment: 'production',
        form: 'helm:bitnami/mongodb',
        resource: 'customer-segments-mongodb',
        facets: selfHosted({ topology: 'standalone', replicas: 1 }),
        plant: {
          kind: 'team-convention',
          facet: 'topology',
          note: 'Customer Insights runs every MongoDB it owns (3 of 3) as a standalone Bitnami release: one team-wide convention, not three unrelated snowflakes.',
        },
        render(r, d) {
          return bitnamiMongoValues({
            ...d,
            name: 'segmentation-mongodb',
            dir: 'deploy/helm/mongodb',
            overlayFile: 'values-prod.yaml',
            appUser: 'segmentation',
            dbName: 'segments',
          });
        },
      },
    ],
  },
  {
    repository: 'clickstream-enricher',
    owner: 'customer-insights',
    driver: 'default',
    resources: [
      [
        'clickstream-mongodb',
        'Self-hosted MongoDB with enriched sessions.',
        ['kubernetes'],
      ],
    ],
    deployments: [
      {
        key: 'helm-production',
        environment: 'production',
        form: 'helm:umbrella-chart(bitnami/mongodb)',
        resource: 'clickstream-mongodb',
        facets: selfHosted({ topology: 'standalone', replicas: 1 }),
        plant: {
          kind: 'team-convention',
          facet: 'topology',
          note: "Second of Customer Insights' three standalone MongoDBs; here as a subchart of an umbrella chart, values under the `mongodb:` key. The top-level replicaCount: 4 is the application's, not MongoDB's.",
        },
        render(r, d) {
          const dir = 'charts/clickstream-enricher';
          const out = bitnamiMongoValues({
            ...d,
            name: 'clickstream-mongodb',
            dir,
            overlayFile: 'values-prod.yaml',
            appUser: 'enricher',
            dbName: 'clickstream',
            subchartKey: 'mongodb',
            appValues: {
              replicaCount: 4,
              image: {
                repository:
                  'registry.fernhill.example/customer-insights/clickstream-enricher',
                tag: '2.3.0',
              },
              service: { port: 8080 },
            },
          });
          out.files[`${dir}/Chart.yaml`] = toYaml(
            umbrellaChart({ repository: r.repository }),
          );
          return out;
        },
      },
    ],
  },
  {
    repository: 'campaign-attribution-service',
    owner: 'customer-insights',
    driver: 'default',
    resources: [
      [
        'campaign-attribution-mongodb',
        'Self-hosted MongoDB with attribution results.',
        ['kubernetes'],
      ],
    ],
    deployments: [
      {
        key: 'helm-production',
        environment: 'production',
        form: 'helm:bitnami/mongodb',
        resource: 'campaign-attribution-mongodb',
        facets: selfHosted({ topology: 'standalone', replicas: 1 }),
        plant: {
          kind: 'team-convention',
          facet: 'topology',
          note: "Third of Customer Insights' three standalone MongoDBs (a single values-prod.yaml with a literal root password).",
        },
        render(r, d) {
          return bitnamiMongoValues({
            ...d,
            name: 'attribution-mongodb',
            dir: 'deploy/helm',
            overlayFile: 'values-prod.yaml',
            overlayOnly: true,
            appUser: 'attribution',
            dbName: 'attribution',
            rootPassword: 'Attrib-M0ngo-Root-EXAMPLE-7731',
          });
        },
      },
    ],
  },
  {
    repository: 'notification-preferences-service',
    owner: 'digital-channels',
    driver: 'mongoose',
    resources: [
      [
        'notification-preferences-mongodb',
        'Self-hosted MongoDB replica set for contact preferences.',
        ['kubernetes'],
      ],
    ],
    deployments: [
      {
        key: 'flux-production',
        environment: 'production',
        form: 'flux:HelmRelease(bitnami/mongodb)',
        resource: 'notification-preferences-mongodb',
        facets: selfHosted({ backup: 'none' }),
        plant: {
          kind: 'snowflake',
          facet: 'backup',
          note: 'No backup of any kind: the HelmRelease values have no backup section (chart default off) and nothing else in the repository backs the data up. spec.chart.spec.version 15.6.26 is the chart, the server is 7.0.14 from image.tag.',
        },
        render(r, d) {
          return fluxMongoRelease({
            ...d,
            name: 'notification-preferences-mongodb',
            namespace: 'digital-channels-prod',
            dir: 'deploy/flux',
            owner: r.owner,
          });
        },
      },
    ],
  },
  {
    repository: 'branch-appointment-service',
    owner: 'branch-experience',
    driver: 'default',
    resources: [
      [
        'branch-appointments-mongodb',
        'Self-hosted MongoDB with branch appointments.',
        ['kubernetes'],
      ],
    ],
    deployments: [
      {
        key: 'helm-production',
        environment: 'production',
        form: 'helm:bitnami/mongodb',
        resource: 'branch-appointments-mongodb',
        facets: selfHosted({ authentication: 'none' }),
        plant: {
          kind: 'snowflake',
          facet: 'authentication',
          note: 'auth.enabled: false in production: anyone on the cluster network can read and write.',
        },
        render(r, d) {
          return bitnamiMongoValues({
            ...d,
            name: 'appointments-mongodb',
            dir: 'helm/mongodb',
            overlayFile: 'values-prod.yaml',
            overlayOnly: true,
            dbName: 'appointments',
          });
        },
      },
    ],
  },
  {
    repository: 'merchant-onboarding-service',
    owner: 'merchant-services',
    driver: 'mongoose',
    resources: [
      [
        'merchant-onboarding-mongodb',
        'MongoDB Community Operator replica set for merchant applications.',
        ['kubernetes'],
      ],
    ],
    deployments: [
      {
        key: 'operator-production',
        environment: 'production',
        form: 'kubernetes:MongoDBCommunity',
        resource: 'merchant-onboarding-mongodb',
        facets: selfHosted({ version: '7.0.12' }),
        render(r, d) {
          const k = {
            ...d,
            repository: r.repository,
            owner: r.owner,
            name: 'merchant-onboarding-mongo',
            namespace: 'merchant-services',
            dir: 'deploy/k8s',
            appUser: 'onboarding-app',
            dbName: 'onboarding',
          };
          const cr = mongodbCommunity(k);
          const backup = mongodumpCronJob({
            ...k,
            backupFile: 'mongodb-backup-cronjob.yaml',
          });
          return { files: { ...cr.files, ...backup.files }, secrets: [] };
        },
      },
    ],
  },
  {
    repository: 'atm-telemetry-ingest',
    owner: 'atm-network',
    driver: 'default',
    resources: [
      [
        'atm-telemetry-mongodb',
        'MongoDB StatefulSet storing ATM telemetry.',
        ['kubernetes'],
      ],
    ],
    deployments: [
      {
        key: 'statefulset-production',
        environment: 'production',
        form: 'kubernetes:StatefulSet(mongo)',
        resource: 'atm-telemetry-mongodb',
        facets: selfHosted({
          version: '7.0',
          topology: 'standalone',
          replicas: 1,
        }),
        plant: {
          kind: 'snowflake',
          facet: 'topology',
          note: 'A single mongod (replicas: 1, no --replSet) in production: no failover.',
        },
        render(r, d) {
          const k = {
            ...d,
            repository: r.repository,
            owner: r.owner,
            name: 'atm-telemetry-mongo',
            namespace: 'atm-network',
            dir: 'k8s',
            managedBy: 'kustomize',
          };
          const sts = mongoStatefulSet(k);
          const backup = mongodumpCronJob(k);
          return { files: { ...sts.files, ...backup.files }, secrets: [] };
        },
      },
    ],
  },
  {
    // Shadow usage: a MongoDB in compose and pymongo, no Resource, no dependsOn.
    repository: 'aml-case-notes',
    owner: 'financial-crime',
    driver: 'default',
    resources: [],
    deployments: [
      {
        key: 'compose-development',
        environment: 'development',
        form: 'docker-compose',
        facets: {
          version: '6.0',
          hosting: 'docker',
          topology: 'standalone',
          replicas: 1,
          backup: 'none',
          authentication: 'scram',
          tls: false,
        },
        render(r, d) {
          const password = 's3cr3t-Example!';
          return mongoCompose({
            ...d,
            repository: r.repository,
            file: 'compose.yaml',
            rootUser: 'root',
            password,
            dbName: 'casenotes',
            appService: true,
            appUri: `mongodb://root:${password}@mongo:27017/casenotes?authSource=admin`,
          });
        },
      },
    ],
  },
];

/** Repositories that use a MongoDB driver and declare nothing. */
export const MONGODB_SHADOW_DRIVERS = [
  { repository: 'statement-pdf-renderer', driver: 'default' },
];

/** Declared in the catalog, depended on, and configured nowhere we can see. */
export const MONGODB_DECLARED_ONLY = [
  {
    repository: 'mortgage-offer-service',
    driver: 'default',
    resource: [
      'mortgage-offers-mongodb',
      'MongoDB holding issued mortgage offers (provisioned by the mortgage vendor).',
      [],
    ],
  },
];
