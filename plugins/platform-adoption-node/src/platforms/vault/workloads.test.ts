import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { loadHclParser } from '../../parsing/hcl';
import {
  detectFiles,
  facetValues,
  lineOf,
  onlyServer,
} from '../../testing/detect';
import { vaultDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [vaultDetector]);

beforeAll(() => loadHclParser());

describe('Vault from Compose', () => {
  it('takes the image default as dev mode, and an init job as no server', () => {
    const result = detect({
      'docker-compose.yml': `services:
  vault:
    image: hashicorp/vault:1.17
    cap_add: [IPC_LOCK]
    environment:
      VAULT_DEV_ROOT_TOKEN_ID: "dev-only-root-token"
    ports: ["8200:8200"]
  vault-init:
    image: hashicorp/vault:1.17
    command: ["kv", "put", "secret/app", "db=local"]
`,
    });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toEqual({
      hosting: 'docker',
      provisioning: 'compose',
      environment: 'development',
      version: '1.17',
      topology: 'standalone',
      replicas: 1,
      storage: 'inmem',
      seal: 'shamir',
      tls: false,
      authentication: 'token',
      monitoring: 'none',
      audit: 'none',
      backup: 'none',
      backupTool: 'none',
    });
    expect(JSON.stringify(result)).not.toContain('dev-only-root-token');
  });

  it('reads VAULT_LOCAL_CONFIG and a configuration file mounted from the repository', () => {
    const CONFIG = `storage "raft" {
  path    = "/vault/file"
  node_id = "node1"
}

listener "tcp" {
  address       = "0.0.0.0:8200"
  tls_cert_file = "/vault/tls/server.crt"
  tls_key_file  = "/vault/tls/server.key"
}

seal "transit" {
  address    = "https://vault-transit.fernhill.example:8200"
  key_name   = "autounseal"
  mount_path = "transit/"
}
`;
    const COMPOSE = `services:
  vault:
    image: hashicorp/vault:1.16.3
    command: server
    volumes:
      - ./config:/vault/config:ro
      - vault-data:/vault/file
    environment:
      VAULT_LOCAL_CONFIG: '{"telemetry": {"prometheus_retention_time": "24h"}, "ui": true}'
volumes:
  vault-data: {}
`;
    const deployment = onlyServer(
      detect({
        'ops/vault/docker-compose.staging.yml': COMPOSE,
        'ops/vault/config/vault.hcl': CONFIG,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      environment: 'staging',
      version: '1.16.3',
      storage: 'raft',
      seal: 'transit',
      tls: true,
      monitoring: 'prometheus',
      authentication: UNKNOWN,
    });
    expect(deployment.facets.seal.evidence).toMatchObject({
      path: 'ops/vault/config/vault.hcl',
      line: lineOf(CONFIG, 'seal "transit"'),
    });
    expect(deployment.files).toContain('ops/vault/config/vault.hcl');
  });
});

describe('Vault from the Terraform vault provider alone', () => {
  it('reports what a configuration module enables when its server is elsewhere', () => {
    const MAIN = `terraform {
  required_providers {
    vault = {
      source  = "hashicorp/vault"
      version = "~> 4.4"
    }
  }
}

provider "vault" {
  address = "https://vault.prod.fernhill.example:8200"
}

resource "vault_auth_backend" "approle" {
  type = "approle"
}

resource "vault_ldap_auth_backend" "corp" {
  path        = "ldap"
  url         = "ldaps://ldap.fernhill.example"
  userdn      = "ou=people,dc=fernhill,dc=example"
}

resource "vault_audit" "syslog" {
  type = "syslog"
}

resource "vault_raft_snapshot_agent_config" "hourly" {
  name             = "hourly"
  interval_seconds = 3600
  retain           = 24
  path_prefix      = "vault-snapshots"
  storage_type     = "aws-s3"
}
`;
    const deployment = onlyServer(detect({ 'vault-config/main.tf': MAIN }));
    expect(facetValues(deployment)).toEqual({
      hosting: UNKNOWN,
      provisioning: 'terraform',
      environment: 'production',
      authentication: 'approle+ldap',
      audit: 'syslog',
      backup: 'snapshot',
      backupTool: 'raft-snapshot-agent',
    });
    expect(deployment.name).toBe('vault.prod.fernhill.example');
    expect(deployment.key).toBe('vault-config#provider.vault');
  });
});

describe('Vault agent injector clients', () => {
  it('reports each annotated workload with its role, auth path and agent version', () => {
    const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments-api
  namespace: payments-prod
spec:
  replicas: 3
  template:
    metadata:
      annotations:
        vault.hashicorp.com/agent-inject: "true"
        vault.hashicorp.com/role: "payments-api"
        vault.hashicorp.com/auth-path: "auth/k8s-eu-west-2"
        vault.hashicorp.com/agent-image: "hashicorp/vault:1.17.6"
        vault.hashicorp.com/agent-inject-secret-db: "database/creds/payments"
    spec:
      serviceAccountName: payments-api
      containers:
        - name: api
          image: registry.fernhill.example/payments-api:4.2.0
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: settlement
  namespace: payments-prod
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            vault.hashicorp.com/agent-inject: "true"
            vault.hashicorp.com/agent-pre-populate-only: "true"
            vault.hashicorp.com/role: settlement
        spec:
          containers:
            - name: job
              image: registry.fernhill.example/settlement:1.0.0
          restartPolicy: OnFailure
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: not-injected
spec:
  template:
    metadata:
      annotations:
        vault.hashicorp.com/agent-inject: "false"
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;
    const result = detect({ 'k8s/payments.yaml': DEPLOYMENT });
    expect(result.deployments.map(d => [d.kind, d.name])).toEqual([
      ['client', 'payments-api'],
      ['client', 'settlement'],
    ]);
    const [api, job] = result.deployments;
    expect(facetValues(api)).toEqual({
      client: 'vault-agent-injector',
      clientVersion: '1.17.6',
      role: 'payments-api',
      authentication: 'k8s-eu-west-2',
      environment: 'production',
    });
    expect(api.facets.role.evidence).toMatchObject({
      line: lineOf(DEPLOYMENT, 'vault.hashicorp.com/role: "payments-api"'),
    });
    expect(facetValues(job)).toMatchObject({
      clientVersion: UNKNOWN,
      role: 'settlement',
      authentication: 'kubernetes',
    });
  });
});
