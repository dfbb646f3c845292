// Fernhill's PostgreSQL estate. Dominant patterns, per hosting kind:
//   Kubernetes: CloudNativePG, PostgreSQL 16, three instances, barman backup
//     to S3 plus a ScheduledBackup, a PodMonitor, TLS (operator-managed).
//   AWS: RDS for PostgreSQL 16, Multi-AZ, 14-day automated backups,
//     encrypted, rds.force_ssl = 1, Performance Insights and Enhanced
//     Monitoring, password authentication.
// Everything else is either a legitimate minority (Cloud SQL, Azure, Zalando,
// Crunchy, Bitnami) or a planted departure.
import { auroraCluster, rdsInstance } from '../formats/aws.mjs';
import { flexibleServer } from '../formats/azure.mjs';
import { postgresCompose } from '../formats/compose.mjs';
import { cloudSqlInstance } from '../formats/gcp.mjs';
import { bitnamiPostgresValues } from '../formats/helm.mjs';
import {
  cnpgCluster,
  crunchyPostgresCluster,
  zalandoPostgresql,
} from '../formats/kubernetes.mjs';

const cnpg = overrides => ({
  version: '16.4',
  hosting: 'kubernetes',
  topology: 'cluster',
  replicas: 3,
  backup: 'barman-object-store',
  monitoring: 'prometheus',
  authentication: 'password',
  tls: true,
  ...overrides,
});

const rds = overrides => ({
  version: '16.3',
  hosting: 'aws-rds',
  topology: 'cluster',
  replicas: 2,
  backup: 'rds-automated',
  monitoring: 'cloudwatch',
  authentication: 'password',
  tls: true,
  region: 'eu-west-2',
  ...overrides,
});

// A CloudNativePG deployment: only the names and paths differ between teams.
function cnpgRepo(
  repository,
  owner,
  driver,
  resource,
  {
    facets = {},
    plant = null,
    name,
    namespace,
    dir = 'deploy/cnpg',
    dbName,
    ...rest
  },
) {
  return {
    repository,
    owner,
    driver,
    resources: [
      [
        resource,
        `CloudNativePG cluster ${name}.`,
        ['kubernetes', 'cloudnative-pg'],
      ],
    ],
    deployments: [
      {
        key: 'cnpg-production',
        environment: 'production',
        form: 'kubernetes:cnpg.Cluster',
        resource,
        facets: cnpg(facets),
        plant,
        render(r, d) {
          return cnpgCluster({
            ...d,
            repository,
            owner,
            name,
            namespace,
            dir,
            dbName,
            dbOwner: `${dbName}_app`,
            ...rest,
          });
        },
      },
    ],
  };
}

function rdsRepo(
  repository,
  owner,
  driver,
  resource,
  { facets = {}, plant = null, ...params },
) {
  return {
    repository,
    owner,
    driver,
    resources: [
      [
        resource,
        `RDS for PostgreSQL instance ${params.identifier}.`,
        ['aws', 'rds'],
      ],
    ],
    deployments: [
      {
        key: 'rds-production',
        environment: 'production',
        form: 'terraform:aws_db_instance',
        resource,
        facets: rds(facets),
        plant,
        render(r, d) {
          return rdsInstance({
            ...d,
            owner,
            region: d.facets.region,
            stateKey: `${repository}/rds.tfstate`,
            dir: 'terraform',
            ...params,
          });
        },
      },
    ],
  };
}

export const POSTGRESQL_REPOSITORIES = [
  cnpgRepo(
    'faster-payments-gateway',
    'faster-payments',
    'default',
    'faster-payments-postgres',
    {
      name: 'fps-gateway-pg',
      namespace: 'faster-payments',
      dbName: 'fps',
      description: 'Scheme message store for the Faster Payments gateway',
    },
  ),
  cnpgRepo(
    'current-account-service',
    'current-accounts',
    'default',
    'current-accounts-postgres',
    {
      name: 'current-accounts-pg',
      namespace: 'current-accounts',
      dir: 'k8s/postgres',
      dbName: 'accounts',
    },
  ),
  cnpgRepo(
    'savings-interest-engine',
    'savings-products',
    'default',
    'savings-interest-postgres',
    {
      facets: { version: '16.3' },
      name: 'savings-interest-pg',
      namespace: 'savings',
      dbName: 'interest',
    },
  ),
  cnpgRepo(
    'mortgage-application-service',
    'mortgage-origination',
    'default',
    'mortgage-applications-postgres',
    {
      name: 'mortgage-applications-pg',
      namespace: 'mortgages',
      dir: 'deploy/k8s/database',
      dbName: 'applications',
      clusterFile: 'postgres-cluster.yaml',
      backupFile: 'postgres-backup.yaml',
    },
  ),
  cnpgRepo(
    'order-routing-service',
    'trading-platform',
    'default',
    'order-routing-postgres',
    {
      name: 'order-routing-pg',
      namespace: 'trading',
      dbName: 'orders',
    },
  ),
  cnpgRepo(
    'transaction-monitoring-engine',
    'financial-crime',
    'default',
    'transaction-monitoring-postgres',
    {
      name: 'tm-engine-pg',
      namespace: 'financial-crime',
      dir: 'k8s',
      dbName: 'monitoring',
    },
  ),
  cnpgRepo(
    'feature-flag-service',
    'developer-experience',
    'default',
    'feature-flags-postgres',
    {
      facets: { version: '16.2' },
      name: 'feature-flags-pg',
      namespace: 'developer-platform',
      dbName: 'flags',
    },
  ),
  cnpgRepo(
    'card-disputes-service',
    'cards-platform',
    'default',
    'card-disputes-postgres',
    {
      facets: { topology: 'standalone', replicas: 1 },
      plant: {
        kind: 'snowflake',
        facet: 'topology',
        note: 'CloudNativePG with instances: 1 in production: no standby, so no automated failover.',
      },
      name: 'card-disputes-pg',
      namespace: 'cards',
      dbName: 'disputes',
    },
  ),
  cnpgRepo(
    'onboarding-journey-service',
    'kyc-onboarding',
    'default',
    'onboarding-journeys-postgres',
    {
      facets: { authentication: 'none' },
      plant: {
        kind: 'snowflake',
        facet: 'authentication',
        note: 'pg_hba "host all all 10.0.0.0/8 trust": any client on the network connects without a password.',
      },
      name: 'onboarding-journeys-pg',
      namespace: 'kyc',
      dbName: 'journeys',
    },
  ),
  cnpgRepo(
    'data-catalog-service',
    'data-platform',
    'default',
    'data-catalog-postgres',
    {
      name: 'data-catalog-pg',
      namespace: 'data-platform',
      dir: 'deploy/postgres',
      dbName: 'catalog',
    },
  ),
  rdsRepo(
    'payments-reconciliation-service',
    'payments-core',
    'default',
    'payments-reconciliation-postgres',
    {
      id: 'reconciliation',
      identifier: 'payments-reconciliation-prod',
      dbName: 'reconciliation',
      username: 'reconciliation_admin',
      fileName: 'rds.tf',
    },
  ),
  rdsRepo(
    'merchant-settlement-service',
    'merchant-services',
    'default',
    'merchant-settlement-postgres',
    {
      facets: { backup: 'none' },
      plant: {
        kind: 'snowflake',
        facet: 'backup',
        note: 'backup_retention_period = 0 disables automated backups (and point-in-time restore) on a production RDS instance.',
      },
      id: 'settlement',
      identifier: 'merchant-settlement-prod',
      dbName: 'settlement',
      username: 'settlement',
      password: 'Rds-Exampl3-Passw0rd!',
      tagsOnResource: true,
    },
  ),
  rdsRepo(
    'loan-servicing-ledger',
    'personal-lending',
    'psycopg',
    'loan-servicing-postgres',
    {
      facets: { version: '16.4', authentication: 'aws-iam' },
      plant: {
        kind: 'positive-deviant',
        facet: 'authentication',
        note: 'The only PostgreSQL deployment with IAM database authentication (iam_database_authentication_enabled = true and an rds-db:connect policy): no long-lived database password for the service.',
      },
      id: 'loans',
      identifier: 'loan-servicing-prod',
      dbName: 'loans',
      username: 'loans_admin',
      iamUser: 'loan_servicing_app',
      fileName: 'database.tf',
    },
  ),
  rdsRepo(
    'identity-directory-service',
    'customer-identity',
    'default',
    'identity-directory-postgres',
    {
      id: 'directory',
      identifier: 'identity-directory-prod',
      dbName: 'directory',
      username: 'directory_admin',
      instanceClass: 'db.r6g.xlarge',
    },
  ),
  {
    // Production and staging from two Terraform roots in one repository.
    repository: 'open-banking-tpp-registry',
    owner: 'open-banking',
    driver: 'default',
    resources: [
      [
        'tpp-registry-postgres',
        'RDS for PostgreSQL with the third-party provider registry.',
        ['aws', 'rds'],
      ],
    ],
    deployments: ['production', 'staging'].map(environment => ({
      key: `rds-${environment}`,
      environment,
      form: 'terraform:aws_db_instance',
      resource: environment === 'production' ? 'tpp-registry-postgres' : null,
      facets:
        environment === 'production'
          ? rds({})
          : rds({ topology: 'standalone', replicas: 1, monitoring: undefined }),
      render(r, d) {
        return rdsInstance({
          ...d,
          owner: r.owner,
          id: 'registry',
          identifier: `tpp-registry-${
            environment === 'production' ? 'prod' : 'stg'
          }`,
          dbName: 'registry',
          username: 'registry_admin',
          instanceClass:
            environment === 'production' ? 'db.r6g.large' : 'db.t4g.medium',
          retentionDays: environment === 'production' ? 14 : 7,
          region: d.facets.region,
          stateKey: `${r.repository}/${environment}/rds.tfstate`,
          dir: `terraform/environments/${environment}`,
          providersFile: 'versions.tf',
        });
      },
    })),
  },
  {
    repository: 'credit-decision-service',
    owner: 'credit-decisioning',
    driver: 'default',
    resources: [
      [
        'credit-decisions-postgres',
        'Aurora PostgreSQL cluster with credit decisions.',
        ['aws', 'aurora'],
      ],
    ],
    deployments: [
      {
        key: 'aurora-production',
        environment: 'production',
        form: 'terraform:aws_rds_cluster',
        resource: 'credit-decisions-postgres',
        facets: rds({ version: '16.4', hosting: 'aws-aurora', replicas: 2 }),
        render(r, d) {
          return auroraCluster({
            ...d,
            owner: r.owner,
            id: 'decisions',
            identifier: 'credit-decisions-prod',
            dbName: 'decisions',
            username: 'decisions_admin',
            region: d.facets.region,
            stateKey: `${r.repository}/aurora.tfstate`,
            dir: 'infra',
          });
        },
      },
    ],
  },
  {
    repository: 'advice-session-notes',
    owner: 'financial-advice',
    driver: 'default',
    resources: [
      [
        'advice-notes-postgres',
        'Cloud SQL for PostgreSQL with adviser notes.',
        ['gcp', 'cloudsql'],
      ],
    ],
    deployments: [
      {
        key: 'cloudsql-production',
        environment: 'production',
        form: 'terraform:google_sql_database_instance',
        resource: 'advice-notes-postgres',
        facets: {
          version: '16',
          hosting: 'gcp-cloudsql',
          topology: 'cluster',
          replicas: 2,
          backup: 'cloudsql-automated+pitr',
          monitoring: 'cloud-monitoring',
          authentication: 'password',
          tls: true,
          region: 'europe-west2',
        },
        render(r, d) {
          return cloudSqlInstance({
            ...d,
            owner: r.owner,
            id: 'notes',
            instanceName: 'advice-notes-prod',
            dbName: 'notes',
            username: 'notes_app',
            stateKey: `${r.repository}/cloudsql`,
            dir: 'terraform',
          });
        },
      },
    ],
  },
  {
    repository: 'feature-store-registry',
    owner: 'ml-platform',
    driver: 'psycopg',
    resources: [
      [
        'feature-store-postgres',
        'Cloud SQL for PostgreSQL behind the feature registry.',
        ['gcp', 'cloudsql'],
      ],
    ],
    deployments: [
      {
        key: 'cloudsql-production',
        environment: 'production',
        form: 'terraform:google_sql_database_instance',
        resource: 'feature-store-postgres',
        facets: {
          version: '15',
          hosting: 'gcp-cloudsql',
          topology: 'cluster',
          replicas: 2,
          backup: 'cloudsql-automated+pitr',
          monitoring: 'cloud-monitoring',
          authentication: 'password',
          tls: true,
          region: 'europe-west2',
        },
        render(r, d) {
          return cloudSqlInstance({
            ...d,
            owner: r.owner,
            id: 'registry',
            instanceName: 'feature-store-prod',
            dbName: 'features',
            username: 'registry',
            tier: 'db-custom-2-7680',
            tlsStyle: 'require_ssl',
            stateKey: `${r.repository}/cloudsql`,
            dir: 'infra/gcp',
          });
        },
      },
    ],
  },
  ...[
    [
      'regulatory-returns-service',
      'regulatory-returns-postgres',
      'fh-regreturns-prod-psql',
      'returns_admin',
      'terraform',
    ],
    [
      'liquidity-reporting-service',
      'liquidity-reporting-postgres',
      'fh-liquidity-prod-psql',
      'liquidity_admin',
      'infra/azure',
    ],
  ].map(([repository, resource, serverName, adminLogin, dir]) => ({
    repository,
    owner: 'regulatory-reporting',
    driver: 'default',
    resources: [
      [
        resource,
        `Azure Database for PostgreSQL flexible server ${serverName}.`,
        ['azure'],
      ],
    ],
    deployments: [
      {
        key: 'azure-production',
        environment: 'production',
        form: 'terraform:azurerm_postgresql_flexible_server',
        resource,
        facets: {
          version: '16',
          hosting: 'azure',
          topology: 'cluster',
          replicas: 2,
          backup: 'azure-automated',
          monitoring: 'azure-monitor',
          authentication: 'password',
          tls: true,
          region: 'uksouth',
        },
        render(r, d) {
          return flexibleServer({
            ...d,
            owner: r.owner,
            id: 'main',
            serverName,
            adminLogin,
            stateKey: `${repository}.tfstate`,
            dir,
          });
        },
      },
    ],
  })),
  ...[
    [
      'collections-case-service',
      'collections-cases-postgres',
      'collections-cases',
      'cases',
      '15',
      null,
    ],
    [
      'arrears-notification-service',
      'arrears-notices-postgres',
      'collections-arrears',
      'notices',
      '12',
      {
        kind: 'snowflake',
        facet: 'version',
        note: 'PostgreSQL 12 (end of life) where the fleet runs 16: four major versions behind.',
      },
    ],
  ].map(([repository, resource, name, dbName, version, plant]) => ({
    repository,
    owner: 'collections',
    driver: 'default',
    resources: [
      [
        resource,
        `Zalando postgres-operator cluster ${name}.`,
        ['kubernetes', 'zalando'],
      ],
    ],
    deployments: [
      {
        key: 'zalando-production',
        environment: 'production',
        form: 'kubernetes:acid.zalan.do.postgresql',
        resource,
        // TLS is not stated in these manifests: Spilo's default applies.
        facets: {
          version,
          hosting: 'kubernetes',
          topology: 'cluster',
          replicas: 2,
          backup: 'logical-backup',
          monitoring: 'prometheus',
          authentication: 'password',
        },
        plant,
        render(r, d) {
          // Zalando requires the cluster name to start with the teamId.
          return zalandoPostgresql({
            ...d,
            repository,
            owner: r.owner,
            name,
            teamId: 'collections',
            namespace: 'collections',
            dbName,
            dir: 'manifests',
          });
        },
      },
    ],
  })),
  {
    repository: 'mortgage-servicing-ledger',
    owner: 'mortgage-servicing',
    driver: 'default',
    resources: [
      [
        'mortgage-servicing-postgres',
        'Crunchy PGO PostgresCluster for mortgage accounts.',
        ['kubernetes', 'crunchy'],
      ],
    ],
    deployments: [
      {
        key: 'crunchy-production',
        environment: 'production',
        form: 'kubernetes:PostgresCluster',
        resource: 'mortgage-servicing-postgres',
        facets: {
          version: '16',
          hosting: 'kubernetes',
          topology: 'cluster',
          replicas: 3,
          backup: 'pgbackrest',
          monitoring: 'prometheus',
          authentication: 'password',
        },
        render(r, d) {
          return crunchyPostgresCluster({
            ...d,
            repository: r.repository,
            owner: r.owner,
            name: 'mortgage-servicing',
            namespace: 'mortgages',
            dbName: 'servicing',
            dir: 'deploy/postgres',
          });
        },
      },
    ],
  },
  {
    repository: 'atm-cash-forecasting',
    owner: 'atm-network',
    driver: 'default',
    resources: [
      [
        'atm-cash-forecasts-postgres',
        'Bitnami PostgreSQL with replication for cash forecasts.',
        ['kubernetes', 'bitnami'],
      ],
    ],
    deployments: [
      {
        key: 'helm-production',
        environment: 'production',
        form: 'helm:bitnami/postgresql',
        resource: 'atm-cash-forecasts-postgres',
        facets: {
          version: '16.4.0',
          hosting: 'kubernetes',
          topology: 'cluster',
          replicas: 3,
          backup: 'pg-dumpall-cronjob',
          monitoring: 'prometheus',
          authentication: 'password',
          tls: true,
        },
        render(r, d) {
          return bitnamiPostgresValues({
            ...d,
            name: 'cash-forecasting-postgresql',
            dir: 'deploy/helm/postgresql',
            valuesFile: 'values-prod.yaml',
            appUser: 'forecasting',
            dbName: 'forecasts',
          });
        },
      },
    ],
  },
  {
    // Local development beside the CloudNativePG production cluster above.
    repository: 'faster-payments-gateway',
    owner: 'faster-payments',
    driver: 'default',
    resources: [],
    deployments: [
      {
        key: 'compose-development',
        environment: 'development',
        form: 'docker-compose',
        facets: {
          version: '16',
          hosting: 'docker',
          topology: 'standalone',
          replicas: 1,
          backup: 'none',
          authentication: 'password',
          tls: false,
        },
        render(r, d) {
          return postgresCompose({
            ...d,
            repository: r.repository,
            file: 'docker-compose.yml',
            user: 'fps',
            password: 'Fh-Dev-Postgres-2024!',
            dbName: 'fps',
          });
        },
      },
    ],
  },
  {
    // Shadow usage: compose and the pg driver, no Resource, no dependsOn.
    repository: 'teller-cash-reconciler',
    owner: 'branch-experience',
    driver: 'default',
    resources: [],
    deployments: [
      {
        key: 'compose-development',
        environment: 'development',
        form: 'docker-compose',
        facets: {
          version: '16',
          hosting: 'docker',
          topology: 'standalone',
          replicas: 1,
          backup: 'none',
          authentication: 'password',
          tls: false,
        },
        render(r, d) {
          return postgresCompose({
            ...d,
            repository: r.repository,
            file: 'compose.yaml',
            user: 'teller',
            password: 'TellerRecon!Dev-9931',
            dbName: 'tills',
            appService: true,
          });
        },
      },
    ],
  },
];

export const POSTGRESQL_SHADOW_DRIVERS = [
  { repository: 'credit-limit-simulator', driver: 'psycopg' },
];

export const POSTGRESQL_DECLARED_ONLY = [
  {
    repository: 'fx-settlement-service',
    driver: null,
    resource: [
      'fx-settlement-postgres',
      'PostgreSQL database for FX settlement (run by the treasury vendor).',
      [],
    ],
  },
];
