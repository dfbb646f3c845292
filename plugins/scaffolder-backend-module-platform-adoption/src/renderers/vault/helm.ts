import { FacetScalar } from '@platform-adoption/plugin-platform-adoption-common';
import {
  count,
  fixed,
  methods,
  methodsOf,
  oneOfValues,
  version,
} from '../../rendering/capabilities';
import { kubernetesMetadata } from '../../rendering/kubernetes';
import { stringVariables } from '../../rendering/terraform';
import { hcl, header, yamlDocuments } from '../../rendering/text';
import {
  FacetCapability,
  FormRenderInput,
  RenderedFile,
  RenderForm,
} from '../../rendering/types';

/** Auth methods the vault provider enables, by the resources that enable them. */
const AUTH_METHODS: Record<string, string[]> = {
  kubernetes: [
    'resource "vault_auth_backend" "kubernetes" {',
    '  type = "kubernetes"',
    '}',
  ],
  approle: [
    'resource "vault_auth_backend" "approle" {',
    '  type = "approle"',
    '}',
  ],
  userpass: [
    'resource "vault_auth_backend" "userpass" {',
    '  type = "userpass"',
    '}',
  ],
  oidc: [
    'resource "vault_jwt_auth_backend" "oidc" {',
    '  type               = "oidc"',
    '  path               = "oidc"',
    '  oidc_discovery_url = var.oidc_discovery_url',
    '  oidc_client_id     = var.oidc_client_id',
    '  oidc_client_secret = var.oidc_client_secret',
    '  default_role       = "reader"',
    '}',
  ],
  ldap: [
    'resource "vault_ldap_auth_backend" "ldap" {',
    '  path     = "ldap"',
    '  url      = var.ldap_url',
    '  userdn   = "ou=people,dc=internal"',
    '  groupdn  = "ou=groups,dc=internal"',
    '  starttls = true',
    '}',
  ],
};

/** Seals and the stanza that configures each. */
const SEALS: Record<string, string[]> = {
  shamir: [],
  awskms: [
    'seal "awskms" {',
    '  region     = "eu-west-2"',
    '  kms_key_id = "alias/vault-unseal"',
    '}',
  ],
  gcpckms: [
    'seal "gcpckms" {',
    '  project    = "vault"',
    '  region     = "europe-west2"',
    '  key_ring   = "vault"',
    '  crypto_key = "unseal"',
    '}',
  ],
  azurekeyvault: [
    'seal "azurekeyvault" {',
    '  vault_name = "vault-unseal"',
    '  key_name   = "unseal"',
    '}',
  ],
};

/** `token` (no auth method enabled) or auth methods, sorted and joined with `+`. */
function isAuthentication(value: FacetScalar): boolean {
  if (value === 'token') return true;
  if (typeof value !== 'string') return false;
  const parts = value.split('+');
  return (
    parts.every(p => p in AUTH_METHODS) &&
    [...new Set(parts)].sort().join('+') === value
  );
}

const authentication: FacetCapability = {
  candidates(requirement) {
    if (!requirement) return ['kubernetes'];
    if ('equals' in requirement)
      return [requirement.equals].filter(isAuthentication);
    if ('oneOf' in requirement)
      return requirement.oneOf.filter(isAuthentication);
    return [];
  },
};

function conflict(values: Record<string, FacetScalar>): string | undefined {
  if ('replicas' in values) {
    if (values.topology === 'standalone' && values.replicas !== 1)
      return 'a standalone server is one replica';
    if (values.topology === 'ha' && Number(values.replicas) < 3)
      return 'HA with integrated storage needs three servers for a quorum';
  }
  if (values.storage === 'file' && values.topology === 'ha')
    return 'HA needs integrated storage (raft), not file';
  if (
    'backup' in values &&
    values.backup === 'snapshot' &&
    values.storage !== 'raft'
  ) {
    return 'Raft snapshots need integrated storage';
  }
  if (
    'backupTool' in values &&
    (values.backup === 'none') !== (values.backupTool === 'none')
  ) {
    return 'backup is the Raft snapshot CronJob exactly when it is on';
  }
  return undefined;
}

/**
 * HashiCorp's `vault` Helm chart through a Flux HelmRelease, with the server
 * configuration written out (listener TLS, storage, seal, telemetry), a
 * CronJob saving Raft snapshots, and the auth methods and audit devices
 * enabled through the Terraform `vault` provider.
 */
export const vaultHelmForm: RenderForm = {
  id: 'vault-helm',
  title: 'Vault Helm chart with Flux (Kubernetes)',
  resourceTags: ['kubernetes', 'hashicorp-vault'],
  facets: {
    provisioning: fixed('helm'),
    version: version({
      known: ['1.17.6', '1.18.3', '1.19.0'],
      writable: v => /^\d+\.\d+\.\d+$/.test(v),
    }),
    topology: oneOfValues(['ha', 'standalone']),
    replicas: count({
      min: 1,
      max: 7,
      preferred: ({ chosen }) =>
        chosen.topology === 'standalone' ? [1] : [3, 5],
    }),
    storage: oneOfValues(['raft', 'file']),
    seal: oneOfValues(['shamir', 'awskms', 'gcpckms', 'azurekeyvault']),
    audit: methods({
      methods: ['file', 'socket', 'syslog'],
      preferred: ['file'],
      allowNone: true,
    }),
    authentication,
    tls: oneOfValues([true, false]),
    backup: oneOfValues(['snapshot', 'none']),
    backupTool: oneOfValues(['raft-snapshot-cronjob', 'none']),
    monitoring: oneOfValues(['prometheus', 'none']),
    injector: oneOfValues([true, false]),
  },
  conflict,
  render: renderVault,
};

function renderVault(input: FormRenderInput): RenderedFile[] {
  const { request, values, referenceTag } = input;
  const release = `${request.name}-vault`;
  const ha = values.topology === 'ha';
  const tls = values.tls === true;
  const config = [
    'ui = true',
    '',
    'listener "tcp" {',
    '  address         = "[::]:8200"',
    '  cluster_address = "[::]:8201"',
    ...(tls
      ? [
          '  tls_cert_file   = "/vault/userconfig/vault-tls/tls.crt"',
          '  tls_key_file    = "/vault/userconfig/vault-tls/tls.key"',
        ]
      : ['  tls_disable     = 1']),
    '}',
    '',
    values.storage === 'raft'
      ? ['storage "raft" {', '  path = "/vault/data"', '}'].join('\n')
      : ['storage "file" {', '  path = "/vault/data"', '}'].join('\n'),
    ...(SEALS[String(values.seal)].length
      ? ['', ...SEALS[String(values.seal)]]
      : []),
    ...(values.monitoring === 'prometheus'
      ? [
          '',
          'telemetry {',
          '  prometheus_retention_time = "30s"',
          '  disable_hostname          = true',
          '}',
        ]
      : []),
    '',
    'service_registration "kubernetes" {}',
    '',
  ].join('\n');
  const server = {
    image: { repository: 'hashicorp/vault', tag: values.version },
    auditStorage: { enabled: values.audit !== 'none' },
    dataStorage: { enabled: true, size: '10Gi' },
    ...(tls
      ? {
          volumes: [
            { name: 'vault-tls', secret: { secretName: `${release}-tls` } },
          ],
          volumeMounts: [
            {
              name: 'vault-tls',
              mountPath: '/vault/userconfig/vault-tls',
              readOnly: true,
            },
          ],
        }
      : {}),
    ...(ha
      ? {
          standalone: { enabled: false },
          ha: {
            enabled: true,
            replicas: values.replicas,
            raft: { enabled: true, setNodeId: true, config },
          },
        }
      : { standalone: { enabled: true, config }, ha: { enabled: false } }),
  };
  const helmRelease = {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: kubernetesMetadata(input, release),
    spec: {
      interval: '10m',
      chart: {
        spec: {
          chart: 'vault',
          version: '0.29.1',
          sourceRef: { kind: 'HelmRepository', name: 'hashicorp' },
        },
      },
      values: {
        global: { tlsDisable: !tls },
        injector: { enabled: values.injector },
        server,
        ...(values.monitoring === 'prometheus'
          ? { serverTelemetry: { serviceMonitor: { enabled: true } } }
          : {}),
      },
    },
  };
  const files: RenderedFile[] = [
    {
      path: 'deploy/vault/helmrelease.yaml',
      content: `${header(
        '#',
        referenceTag,
        `Vault for ${request.name} (${request.environment}).`,
      )}${yamlDocuments(helmRelease)}`,
    },
  ];
  if (values.backup === 'snapshot') {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: kubernetesMetadata(input, `${release}-snapshot`),
      spec: {
        schedule: '0 * * * *',
        concurrencyPolicy: 'Forbid',
        jobTemplate: {
          spec: {
            template: {
              spec: {
                serviceAccountName: `${release}-snapshot`,
                restartPolicy: 'OnFailure',
                containers: [
                  {
                    name: 'snapshot',
                    image: `hashicorp/vault:${values.version}`,
                    command: ['/bin/sh', '-c'],
                    args: [
                      'vault operator raft snapshot save /snapshots/vault-$(date +%Y%m%d%H%M).snap',
                    ],
                    env: [
                      {
                        name: 'VAULT_ADDR',
                        value: `${
                          tls ? 'https' : 'http'
                        }://${release}-active:8200`,
                      },
                    ],
                    volumeMounts: [
                      { name: 'snapshots', mountPath: '/snapshots' },
                    ],
                  },
                ],
                volumes: [
                  {
                    name: 'snapshots',
                    persistentVolumeClaim: {
                      claimName: `${release}-snapshots`,
                    },
                  },
                ],
              },
            },
          },
        },
      },
    };
    files.push({
      path: 'deploy/vault/snapshot-cronjob.yaml',
      content: `${header(
        '#',
        referenceTag,
        'Hourly Raft snapshots.',
      )}${yamlDocuments(cronJob)}`,
    });
  }

  const auth =
    values.authentication === 'token' ? [] : methodsOf(values.authentication);
  const audit = methodsOf(values.audit);
  const auditDevices: Record<string, string[]> = {
    file: [
      'resource "vault_audit" "file" {',
      '  type = "file"',
      '  options = {',
      '    file_path = "/vault/audit/audit.log"',
      '  }',
      '}',
    ],
    syslog: [
      'resource "vault_audit" "syslog" {',
      '  type = "syslog"',
      '  options = {',
      '    tag = "vault"',
      '  }',
      '}',
    ],
    socket: [
      'resource "vault_audit" "socket" {',
      '  type = "socket"',
      '  options = {',
      '    address     = "audit-collector.logging:9090"',
      '    socket_type = "tcp"',
      '  }',
      '}',
    ],
  };
  const variables = [
    ...(auth.includes('oidc')
      ? ['oidc_discovery_url', 'oidc_client_id', 'oidc_client_secret']
      : []),
    ...(auth.includes('ldap') ? ['ldap_url'] : []),
  ];
  files.push({
    path: 'infra/vault/main.tf',
    content: [
      header(
        '#',
        referenceTag,
        'Auth methods and audit devices, enabled through the vault provider.',
      ),
      'terraform {',
      '  required_providers {',
      '    vault = {',
      '      source  = "hashicorp/vault"',
      '      version = "~> 4.0"',
      '    }',
      '  }',
      '}',
      '',
      'provider "vault" {',
      `  address = ${hcl(
        `${tls ? 'https' : 'http'}://${release}.${request.name}.svc:8200`,
      )}`,
      '}',
      '',
      ...stringVariables(variables),
      ...auth.flatMap(m => [...AUTH_METHODS[m], '']),
      ...audit.flatMap(d => [...auditDevices[d], '']),
    ].join('\n'),
  });
  return files;
}
