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

// HA with integrated storage, auto-unseal and telemetry, as the chart's
// production guide writes it: the configuration is HCL inside YAML.
const HA_RAFT = `global:
  enabled: true
  tlsDisable: false
injector:
  enabled: true
server:
  image:
    repository: hashicorp/vault
    tag: "1.17.6"
  auditStorage:
    enabled: true
  ha:
    enabled: true
    replicas: 5
    raft:
      enabled: true
      setNodeId: true
      config: |
        ui = true
        listener "tcp" {
          address         = "[::]:8200"
          cluster_address = "[::]:8201"
          tls_cert_file   = "/vault/userconfig/vault-tls/tls.crt"
          tls_key_file    = "/vault/userconfig/vault-tls/tls.key"
        }
        storage "raft" {
          path = "/vault/data"
          retry_join {
            leader_api_addr = "https://vault-0.vault-internal:8200"
          }
        }
        seal "awskms" {
          region     = "eu-west-2"
          kms_key_id = "alias/vault-unseal"
        }
        telemetry {
          prometheus_retention_time = "30s"
          disable_hostname          = true
        }
        service_registration "kubernetes" {}
`;

describe('Vault from the Helm chart', () => {
  it('reads HA Raft with the HCL configuration embedded in the values, lines included', () => {
    const result = detect({ 'platform/vault/values-prod.yaml': HA_RAFT });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'helm',
      environment: 'production',
      version: '1.17.6',
      topology: 'ha',
      replicas: 5,
      storage: 'raft',
      seal: 'awskms',
      tls: true,
      monitoring: 'prometheus',
      audit: 'file',
      injector: true,
      backup: 'none',
      backupTool: 'none',
      authentication: UNKNOWN,
    });
    expect(deployment.facets.seal.evidence).toMatchObject({
      path: 'platform/vault/values-prod.yaml',
      line: lineOf(HA_RAFT, 'seal "awskms"'),
    });
    expect(deployment.facets.storage.evidence).toMatchObject({
      line: lineOf(HA_RAFT, 'storage "raft"'),
    });
    expect(result.problems).toEqual([]);
  });

  it('takes the chart defaults: standalone, file storage, Shamir, TLS off', () => {
    const deployment = onlyServer(
      detect({
        'flux/vault.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: vault
  namespace: vault-dev
spec:
  chart:
    spec:
      chart: vault
      version: 0.28.1
      sourceRef:
        kind: HelmRepository
        name: hashicorp
  values:
    injector:
      enabled: false
    server:
      dataStorage:
        size: 5Gi
`,
      }),
    );
    expect(facetValues(deployment)).toMatchObject({
      environment: 'development',
      version: UNKNOWN,
      topology: 'standalone',
      replicas: 1,
      storage: 'file',
      seal: 'shamir',
      tls: false,
      audit: 'none',
      injector: false,
      monitoring: 'none',
    });
    expect(deployment.facets.version.evidence.note).toContain('0.28.1');
    expect(deployment.facets.storage.evidence.note).toBe(
      'chart default server.standalone.config: storage "file", tls_disable = 1',
    );
  });

  it('reads a Consul-backed HA configuration written as JSON, a disabled old seal, and dev mode', () => {
    const result = detect({
      'consul/values.yaml': `server:
  ha:
    enabled: true
    config: '{"listener": [{"tcp": {"address": "0.0.0.0:8200", "tls_disable": "true"}}], "storage": {"consul": {"address": "consul:8500", "path": "vault/"}}, "seal": [{"shamir": {"disabled": "true"}}, {"gcpckms": {"project": "fh-sec", "key_ring": "vault", "crypto_key": "unseal"}}]}'
  extraEnvironmentVars:
    VAULT_SEAL_TYPE: transit
`,
      'sandbox/values.yaml': `server:
  dev:
    enabled: true
    devRootToken: "s.VaultDevRootTok3n"
  image:
    tag: 1.18.0
`,
    });
    const [consul, dev] = result.deployments;
    expect(facetValues(consul)).toMatchObject({
      topology: 'ha',
      replicas: 3,
      storage: 'consul',
      seal: 'gcpckms',
      tls: false,
    });
    expect(facetValues(dev)).toMatchObject({
      version: '1.18.0',
      storage: 'inmem',
      seal: 'shamir',
      tls: false,
      authentication: 'token',
    });
    expect(JSON.stringify(result)).not.toContain('s.VaultDevRootTok3n');
  });

  it('installs no server for an injector pointed at an external Vault', () => {
    expect(
      detect({
        'values.yaml': `global:
  externalVaultAddr: https://vault.fernhill.example:8200
injector:
  enabled: true
  authPath: auth/k8s-prod
`,
      }).deployments,
    ).toEqual([]);
  });

  it('joins the vault provider configuration and a Raft snapshot CronJob of the same repository', () => {
    const AUTH = `provider "vault" {
  address = "https://vault.fernhill.example:8200"
}

resource "vault_auth_backend" "kubernetes" {
  type = "kubernetes"
}

resource "vault_jwt_auth_backend" "sso" {
  path               = "oidc"
  type               = "oidc"
  oidc_discovery_url = "https://login.fernhill.example"
}

resource "vault_audit" "file" {
  type = "file"
  options = {
    file_path = "/vault/audit/audit.log"
  }
}
`;
    const result = detect({
      'deploy/vault/values.yaml': HA_RAFT,
      'deploy/vault/snapshot-cronjob.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: vault-snapshot
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: snapshot
              image: hashicorp/vault:1.17.6
              command: ["/bin/sh", "-c", "vault operator raft snapshot save /snapshots/vault-$(date +%s).snap"]
          restartPolicy: OnFailure
`,
      'terraform/vault-config/main.tf': AUTH,
    });
    const deployment = onlyServer(result);
    expect(facetValues(deployment)).toMatchObject({
      authentication: 'kubernetes+oidc',
      audit: 'file',
      backup: 'snapshot',
      backupTool: 'raft-snapshot-cronjob',
    });
    expect(deployment.files).toEqual([
      'deploy/vault/snapshot-cronjob.yaml',
      'deploy/vault/values.yaml',
      'terraform/vault-config/main.tf',
    ]);
    expect(deployment.facets.audit.evidence).toMatchObject({
      path: 'terraform/vault-config/main.tf',
      line: lineOf(AUTH, 'resource "vault_audit"'),
    });
  });
});
