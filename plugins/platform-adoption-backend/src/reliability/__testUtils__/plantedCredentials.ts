import { Entity } from '@backstage/catalog-model';
import { randomInt } from 'node:crypto';
import { component, group, REPOSITORY_BASE_URL } from '../../__testUtils__/testBackend';

/** One credential written somewhere a scan reads, and how it may show up if it leaks. */
export interface PlantedCredential {
  /** Where and how it is written, for the failure message. */
  what: string;
  value: string;
  /** The forms a leak could take: the value, and its base64 where the file holds that. */
  forms: string[];
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A value no fixture, default or word contains by chance. */
function randomLooking(length = 22) {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/**
 * Repositories and catalog entities with a fresh credential in every form
 * the built-in formats carry one: inline passwords in Helm values,
 * connection strings (MongoDB, MongoDB+SRV, PostgreSQL, Redis, JDBC-style
 * keywords, Kafka SASL JAAS), Terraform variables, attributes and tfvars,
 * Compose environments in both forms, `.env` files, Kubernetes Secrets,
 * Vault tokens, JSON configuration, a declared platform that points a
 * facet straight at a password, and a source location with credentials.
 */
export function plantCredentials() {
  const planted: PlantedCredential[] = [];
  const secret = (what: string, make: (random: string) => string = r => r) => {
    const value = make(randomLooking());
    planted.push({ what, value, forms: [value] });
    return value;
  };
  const base64Secret = (what: string) => {
    const value = randomLooking();
    const encoded = Buffer.from(value).toString('base64');
    planted.push({ what, value, forms: [value, encoded] });
    return encoded;
  };
  const vaultToken = (what: string) => secret(what, r => `hvs.${r}${randomLooking(70)}`);

  const files: Record<string, string> = {
    // Bitnami MongoDB values: every credential key the chart has.
    'payments-mongo/helm/values.yaml': `architecture: replicaset
replicaCount: 3
image:
  repository: bitnami/mongodb
  tag: 7.0.14
auth:
  rootUser: root
  rootPassword: ${secret('Helm values auth.rootPassword')}
  usernames: [payments]
  passwords: [${secret('Helm values auth.passwords[0]')}]
  databases: [payments]
  replicaSetKey: ${secret('Helm values auth.replicaSetKey')}
metrics:
  enabled: true
extraEnvVars:
  - name: MONGODB_EXTRA_URI
    value: mongodb://payments:${secret('mongodb:// URI in a Helm extraEnvVars value')}@payments-mongo:27017/payments
`,
    // A Flux HelmRelease of Bitnami PostgreSQL with inline passwords.
    'ledger-postgres/deploy/release.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ledger-db
  namespace: ledger-prod
spec:
  chart:
    spec:
      chart: postgresql
      version: 15.5.0
  values:
    architecture: replication
    image:
      tag: 16.4.0
    auth:
      postgresPassword: ${secret('HelmRelease values auth.postgresPassword')}
      password: ${secret('HelmRelease values auth.password')}
      replicationPassword: ${secret('HelmRelease values auth.replicationPassword')}
    primary:
      extraEnvVars:
        - name: DATABASE_URL
          value: postgresql://ledger:${secret('postgresql:// URI in a HelmRelease value')}@ledger-db:5432/ledger?sslmode=require
`,
    // An application chart with PostgreSQL as a subchart: postgresql.auth.password.
    'ledger-postgres/chart/values.yaml': `postgresql:
  enabled: true
  auth:
    username: ledger
    password: ${secret('umbrella chart values postgresql.auth.password')}
  image:
    repository: bitnami/postgresql
    tag: 16.4.0
`,
    // Compose: the map form, the list form, URIs and command-line passwords.
    'orders-stack/docker-compose.yml': `services:
  mongo:
    image: mongo:7.0.14
    environment:
      MONGO_INITDB_ROOT_USERNAME: root
      MONGO_INITDB_ROOT_PASSWORD: ${secret('compose map environment MONGO_INITDB_ROOT_PASSWORD')}
  postgres:
    image: postgres:16.4
    environment:
      - POSTGRES_USER=orders
      - POSTGRES_PASSWORD=${secret('compose list environment POSTGRES_PASSWORD')}
  cache:
    image: bitnami/redis:7.2
    environment:
      REDIS_PASSWORD: ${secret('compose environment REDIS_PASSWORD')}
  session-cache:
    image: redis:7.2
    command: redis-server --requirepass ${secret('redis-server --requirepass on a compose command')}
  app:
    image: ghcr.io/example/orders:1.4.2
    env_file: .env
    environment:
      MONGO_URL: mongodb://orders:${secret('mongodb:// URI in a compose environment')}@mongo:27017/orders
      REDIS_URL: redis://:${secret('redis://:password@ URI in a compose environment')}@cache:6379/0
      PG_DSN: host=postgres user=orders password=${secret('libpq keyword password= in a compose environment')} dbname=orders
  backup:
    image: postgres:16.4
    command: pg_dump -h postgres -U orders orders
    environment:
      PGPASSWORD: ${secret('compose environment PGPASSWORD of a backup job')}
`,
    'orders-stack/.env': `POSTGRES_PASSWORD=${secret('.env file POSTGRES_PASSWORD')}
MONGODB_URI=mongodb+srv://orders:${secret('mongodb+srv:// URI in a .env file')}@cluster0.x1y2z.mongodb.net/orders
`,
    'orders-stack/config/appsettings.json': JSON.stringify(
      {
        ConnectionStrings: {
          Orders: `Host=postgres;Database=orders;Username=orders;Password=${secret('ADO connection string Password= in a JSON file')}`,
        },
        Mongo: { uri: `mongodb://orders:${secret('mongodb:// URI in a JSON file')}@mongo:27017` },
      },
      null,
      2,
    ),
    'orders-stack/package.json': JSON.stringify(
      {
        name: 'orders',
        dependencies: { mongodb: '^6.8.0', pg: '^8.11.0' },
        config: { databaseUrl: `postgres://orders:${secret('postgres:// URI in package.json config')}@postgres/orders` },
      },
      null,
      2,
    ),
    // Kafka with SASL: Bitnami's client passwords and a JAAS configuration.
    'events-kafka/docker-compose.yml': `services:
  kafka:
    image: bitnami/kafka:3.7.1
    environment:
      KAFKA_CFG_PROCESS_ROLES: broker,controller
      KAFKA_CFG_LISTENERS: CLIENT://:9092,CONTROLLER://:9093
      KAFKA_CFG_LISTENER_SECURITY_PROTOCOL_MAP: CLIENT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
      KAFKA_CLIENT_USERS: events
      KAFKA_CLIENT_PASSWORDS: ${secret('compose environment KAFKA_CLIENT_PASSWORDS')}
      KAFKA_CFG_LISTENER_NAME_CLIENT_PLAIN_SASL_JAAS_CONFIG: 'org.apache.kafka.common.security.plain.PlainLoginModule required username="events" password="${secret('Kafka SASL JAAS config password="…" in compose')}";'
`,
    'events-kafka/k8s/kafka.yaml': `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: events
  namespace: events-prod
spec:
  kafka:
    version: 3.7.1
    replicas: 3
    listeners:
      - {name: tls, port: 9093, type: internal, tls: true, authentication: {type: scram-sha-512}}
    config:
      sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${secret('Kafka sasl.jaas.config in a Strimzi resource')}";
`,
    // Kubernetes: a Secret in both encodings, and a workload with literal env values.
    'cards-service/k8s/secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: cards-db
type: Opaque
stringData:
  password: ${secret('Kubernetes Secret stringData.password')}
  uri: postgresql://cards:${secret('postgresql:// URI in Kubernetes Secret stringData')}@cards-db:5432/cards
data:
  mongo-password: ${base64Secret('Kubernetes Secret data (base64)')}
`,
    'cards-service/k8s/mongo.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cards-mongo
  namespace: cards-prod
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: mongo
          image: mongo:7.0.14
          args: ["--replSet", "rs0", "--auth"]
          env:
            - name: MONGO_INITDB_ROOT_USERNAME
              value: root
            - name: MONGO_INITDB_ROOT_PASSWORD
              value: ${secret('Kubernetes container env MONGO_INITDB_ROOT_PASSWORD')}
            - name: VAULT_TOKEN
              value: ${vaultToken('Vault token in a container env value')}
`,
    // Terraform: variable defaults, inline attributes, tfvars, provider tokens.
    'infra-live/terraform/main.tf': `variable "db_password" {
  type      = string
  default   = "${secret('Terraform variable default')}"
  sensitive = true
}

resource "aws_db_instance" "ledger" {
  identifier        = "ledger"
  engine            = "postgres"
  engine_version    = "16.4"
  instance_class    = "db.r6g.large"
  username          = "ledger"
  password          = "${secret('Terraform aws_db_instance password attribute')}"
  multi_az          = true
  storage_encrypted = true
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  engine                     = "redis"
  engine_version             = "7.1"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
  auth_token                 = "${secret('Terraform ElastiCache auth_token')}"
}

resource "mongodbatlas_advanced_cluster" "orders" {
  project_id             = "5f1e2d3c4b5a69788796a5b4"
  name                   = "orders"
  cluster_type           = "REPLICASET"
  mongo_db_major_version = "7.0"
}

resource "mongodbatlas_database_user" "orders" {
  project_id         = "5f1e2d3c4b5a69788796a5b4"
  username           = "orders"
  password           = "${secret('Terraform mongodbatlas_database_user password')}"
  auth_database_name = "admin"
}

provider "vault" {
  address = "https://vault.example.test:8200"
  token   = "${vaultToken('Vault provider token in Terraform')}"
}

resource "aws_db_instance" "reports" {
  identifier     = "reports"
  engine         = "postgres"
  engine_version = var.reports_version
  password       = var.master_password
}
`,
    'infra-live/terraform/terraform.tfvars': `master_password = "${secret('terraform.tfvars master_password')}"
reports_version = "16.4"
`,
    // A tfvars whose string never closes, swallowing the password line after it.
    'infra-broken/terraform/main.tf': `variable "engine_version" {}
resource "aws_db_instance" "broken" {
  engine         = "postgres"
  engine_version = var.engine_version
  password       = var.admin_password
}
`,
    'infra-broken/terraform/terraform.tfvars': `engine_version = "16.4
admin_password = "${secret('tfvars password after a string that never closes')}"
`,
    // Vault: chart values with a token, and a server configuration with a transit seal token.
    'secrets-vault/helm/values.yaml': `server:
  image:
    repository: hashicorp/vault
    tag: 1.17.2
  extraEnvironmentVars:
    VAULT_TOKEN: ${vaultToken('Vault chart server.extraEnvironmentVars.VAULT_TOKEN')}
  ha:
    enabled: true
    replicas: 3
    raft:
      enabled: true
      config: |
        storage "raft" {
          path = "/vault/data"
        }
        seal "transit" {
          address    = "https://vault-transit.example.test:8200"
          token      = "${vaultToken('Vault transit seal token in server config')}"
          key_name   = "autounseal"
          mount_path = "transit/"
        }
        listener "tcp" {
          address = "[::]:8200"
        }
`,
    'secrets-vault/docker-compose.yml': `services:
  vault:
    image: hashicorp/vault:1.17.2
    environment:
      VAULT_DEV_ROOT_TOKEN_ID: ${vaultToken('compose environment VAULT_DEV_ROOT_TOKEN_ID')}
`,
    // A platform declared in config whose facets read a password and a URL with one.
    'catalog-search/deploy/search.json': JSON.stringify(
      {
        kind: 'SearchCluster',
        version: '2.14.0',
        auth: { password: secret('JSON value a declared facet reads directly (auth.password)') },
        connection: { url: `https://admin:${secret('https:// URL with a password a declared facet reads')}@search.internal:9200` },
      },
      null,
      2,
    ),
  };

  const owner = 'group:default/platform-team';
  const repositories = [...new Set(Object.keys(files).map(f => f.split('/')[0]))];
  const entities: Entity[] = [group('platform-team'), ...repositories.map(name => component(name, owner))];
  // A source location that carries a deploy token in its URL, as copied from a clone command.
  const credentialed = component('creds-in-url', owner);
  credentialed.metadata.annotations!['backstage.io/source-location'] = `url:${REPOSITORY_BASE_URL.replace(
    'https://',
    `https://deploy:${secret('password in a backstage.io/source-location URL')}@`,
  )}creds-in-url/`;
  entities.push(credentialed);
  files['creds-in-url/docker-compose.yml'] = 'services:\n  db:\n    image: postgres:16.4\n';

  return { files, entities, planted };
}

/** The declared platform the planted `search.json` belongs to. */
export const SEARCH_PLATFORM = {
  id: 'search',
  title: 'Search',
  facets: [
    { id: 'version', title: 'Version', kind: 'version', weight: 0.7 },
    { id: 'authentication', title: 'Authentication', kind: 'nominal', weight: 0.5 },
    { id: 'endpoint', title: 'Endpoint', kind: 'nominal', weight: 0.1 },
  ],
  fileSignals: [
    {
      globs: ['**/search.json'],
      facets: {
        version: { path: 'version' },
        authentication: { path: 'auth.password' },
        endpoint: { path: 'connection.url' },
      },
    },
  ],
};
