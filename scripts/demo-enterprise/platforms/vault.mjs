// Fernhill's Vault estate: teams that went their own way each run a Vault
// with HashiCorp's chart. The dominant pattern: Vault 1.17.6, three
// replicas on integrated storage (Raft), auto-unseal with AWS KMS, TLS, a
// file audit device on its own volume, hourly Raft snapshots to S3,
// Prometheus telemetry, the agent injector, Kubernetes and OIDC auth
// configured with the Terraform vault provider. The card issuing team keeps
// two audit devices, as HashiCorp recommends (the positive deviant); the
// departures are planted.
import {
  injectedDeployment,
  vaultCompose,
  vaultProviderModule,
  vaultRelease,
} from '../formats/vault.mjs';

const helm = overrides => ({
  version: '1.17.6',
  hosting: 'kubernetes',
  topology: 'ha',
  replicas: 3,
  storage: 'raft',
  seal: 'awskms',
  audit: 'file',
  authentication: 'kubernetes+oidc',
  backup: 'raft-snapshot-cronjob',
  monitoring: 'prometheus',
  injector: true,
  tls: true,
  ...overrides,
});

/** A repository whose team runs its own Vault in production. */
function vaultRepo(
  repository,
  owner,
  {
    name,
    team,
    facets = {},
    plant = null,
    driver = 'default',
    extra = [],
    extraFiles,
  },
) {
  const resource = `${name}-vault`;
  return {
    repository,
    owner,
    driver,
    resources: [[resource, `Vault cluster ${name}.`, ['hashicorp-vault']]],
    deployments: [
      {
        key: 'helm-production',
        environment: 'production',
        form: 'helm:vault',
        resource,
        facets: helm(facets),
        plant,
        render(r, d) {
          const out = vaultRelease({
            ...d,
            owner,
            name,
            namespace: `${team}-vault`,
            region: 'eu-west-2',
            address: `https://vault.${team}.prod.fernhill.example:8200`,
            dir: 'deploy/vault',
            terraformDir: 'terraform/vault-config',
            stateKey: `${repository}/vault-config.tfstate`,
          });
          return { ...out, extraFiles: extraFiles?.(r) };
        },
      },
      ...extra,
    ],
  };
}

const devVault = (file, rootToken) => ({
  key: 'compose-development',
  environment: 'development',
  form: 'docker-compose',
  facets: {
    version: '1.17',
    hosting: 'docker',
    topology: 'standalone',
    replicas: 1,
    storage: 'inmem',
    seal: 'shamir',
    audit: 'none',
    authentication: 'token',
    backup: 'none',
    tls: false,
  },
  render(r, d) {
    return vaultCompose({ ...d, file, rootToken });
  },
});

export const VAULT_REPOSITORIES = [
  vaultRepo('secrets-rotation-service', 'cloud-foundations', {
    name: 'platform-secrets',
    team: 'platform',
    extra: [devVault('docker-compose.yml', 'hvs.dev-only-rotation-root')],
  }),
  vaultRepo('payee-verification-service', 'payments-core', {
    name: 'payments-secrets',
    team: 'payments',
    extraFiles: () => ({
      'k8s/deployment.yaml': injectedDeployment({
        name: 'payee-verification-service',
        namespace: 'payments-prod',
        environment: 'production',
        owner: 'payments-core',
        role: 'payee-verification',
        secretPath: 'kv/data/payee-verification/config',
        agentVersion: '1.17.6',
        appVersion: '3.4.1',
      }),
    }),
  }),
  vaultRepo('loan-agreement-signer', 'personal-lending', {
    name: 'lending-secrets',
    team: 'lending',
    extra: [devVault('compose.yaml', 'hvs.LoanSignerDevToken-58812')],
  }),
  vaultRepo('trade-settlement-service', 'trading-platform', {
    name: 'trading-secrets',
    team: 'trading',
  }),
  vaultRepo('data-access-broker', 'data-platform', {
    name: 'data-secrets',
    team: 'data',
  }),
  // The positive deviant: two audit devices.
  vaultRepo('card-issuing-service', 'cards-platform', {
    name: 'cards-secrets',
    team: 'cards',
    facets: { audit: 'file+syslog' },
    plant: {
      kind: 'positive-deviant',
      facet: 'audit',
      note: 'The only Vault with two audit devices (file and syslog): Vault refuses requests when it cannot write an audit log, so one failing device does not stop it.',
    },
  }),
  vaultRepo('pin-management-service', 'cards-platform', {
    name: 'pin-secrets',
    team: 'pins',
    facets: { seal: 'shamir' },
    plant: {
      kind: 'snowflake',
      facet: 'seal',
      note: 'Shamir unseal in production: after every restart three key holders must type their shares before the PIN service can read its keys.',
    },
  }),
  vaultRepo('model-registry-service', 'ml-platform', {
    name: 'ml-secrets',
    team: 'ml',
    facets: { audit: 'none' },
    plant: {
      kind: 'snowflake',
      facet: 'audit',
      note: 'No audit device (no auditStorage, no vault_audit): nobody can tell who read which model credentials.',
    },
  }),
  vaultRepo('identity-check-orchestrator', 'kyc-onboarding', {
    name: 'kyc-secrets',
    team: 'kyc',
    facets: { tls: false },
    plant: {
      kind: 'snowflake',
      facet: 'tls',
      note: 'tls_disable = 1 on the listener in production: tokens and secrets travel in clear text inside the cluster.',
    },
  }),
  {
    repository: 'landing-zone-vending',
    owner: 'cloud-foundations',
    driver: null,
    resources: [],
    deployments: [
      {
        key: 'provider-staging',
        environment: 'staging',
        form: 'terraform:provider.vault',
        facets: {
          hosting: null,
          authentication: 'approle+kubernetes',
          audit: 'file',
          backup: 'none',
        },
        render(r, d) {
          return vaultProviderModule({
            ...d,
            address: 'https://vault.staging.fernhill.example:8200',
            dir: 'terraform/vault',
            stateKey: `${r.repository}/vault-staging.tfstate`,
          });
        },
      },
    ],
  },
];

/** Repositories that use a Vault client and declare nothing. */
export const VAULT_SHADOW_DRIVERS = [
  { repository: 'redemption-statement-service', driver: 'default' },
];

export const VAULT_DECLARED_ONLY = [];

/** Workloads that get their secrets from the agent injector, by file. */
export const VAULT_INJECTED = [
  {
    repository: 'payee-verification-service',
    file: 'k8s/deployment.yaml',
    role: 'payee-verification',
  },
];
