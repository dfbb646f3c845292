// HashiCorp Vault as Fernhill's teams run it: the official Helm chart (its
// server configuration as HCL inside the values), the Terraform `vault`
// provider configuring auth methods and audit devices, a Raft snapshot
// CronJob, agent-injector annotations on workloads, and dev mode in Compose.
import { attr, blank, block, map, str, tfFile } from '../hcl.mjs';
import { toYaml } from '../yaml.mjs';
import { backendAndProviders } from './terraform.mjs';

/** The server's HCL configuration, as the chart's `server.ha.raft.config`. */
function serverConfig(d) {
  const f = d.facets;
  const listener = f.tls
    ? [
        '  address         = "[::]:8200"',
        '  cluster_address = "[::]:8201"',
        '  tls_cert_file   = "/vault/userconfig/vault-tls/tls.crt"',
        '  tls_key_file    = "/vault/userconfig/vault-tls/tls.key"',
      ]
    : [
        '  tls_disable     = 1',
        '  address         = "[::]:8200"',
        '  cluster_address = "[::]:8201"',
      ];
  const joins = [0, 1, 2].map(
    i =>
      `  retry_join {\n    leader_api_addr = "https://${d.name}-${i}.${d.name}-internal:8200"\n  }`,
  );
  return [
    'ui = true',
    '',
    'listener "tcp" {',
    ...listener,
    '}',
    '',
    'storage "raft" {',
    '  path = "/vault/data"',
    ...joins,
    '}',
    '',
    ...(f.seal === 'awskms'
      ? [
          'seal "awskms" {',
          `  region     = "${d.region}"`,
          `  kms_key_id = "alias/${d.name}-unseal"`,
          '}',
          '',
        ]
      : []),
    'telemetry {',
    '  prometheus_retention_time = "30s"',
    '  disable_hostname          = true',
    '}',
    '',
    'service_registration "kubernetes" {}',
    '',
  ].join('\n');
}

/**
 * Values for hashicorp/vault (a base and a production overlay), the
 * snapshot CronJob, and the Terraform module that configures the server.
 */
export function vaultRelease(d) {
  const f = d.facets;
  const base = {
    global: { enabled: true, tlsDisable: !f.tls },
    injector: { enabled: true, replicas: 2 },
    server: {
      image: { repository: 'hashicorp/vault', tag: f.version },
      dataStorage: { enabled: true, size: '10Gi', storageClass: 'gp3' },
      auditStorage: { enabled: f.audit.includes('file'), size: '20Gi' },
      extraEnvironmentVars: f.tls
        ? { VAULT_CACERT: '/vault/userconfig/vault-tls/ca.crt' }
        : undefined,
    },
    serverTelemetry: { serviceMonitor: { enabled: true } },
  };
  const overlay = {
    server: {
      ha: {
        enabled: true,
        replicas: f.replicas,
        raft: { enabled: true, setNodeId: true, config: serverConfig(d) },
      },
    },
  };
  const cronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: `${d.name}-raft-snapshot`,
      namespace: d.namespace,
      labels: { environment: d.environment, team: d.owner },
    },
    spec: {
      schedule: '15 * * * *',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        spec: {
          template: {
            spec: {
              serviceAccountName: `${d.name}-snapshot`,
              restartPolicy: 'OnFailure',
              containers: [
                {
                  name: 'snapshot',
                  image: `hashicorp/vault:${f.version}`,
                  env: [
                    {
                      name: 'VAULT_ADDR',
                      value: `https://${d.name}-active:8200`,
                    },
                  ],
                  command: [
                    '/bin/sh',
                    '-c',
                    'vault operator raft snapshot save /tmp/vault.snap && aws s3 cp /tmp/vault.snap "s3://fernhill-vault-snapshots/$(date +%F-%H%M).snap"',
                  ],
                },
              ],
            },
          },
        },
      },
    },
  };
  const provider = backendAndProviders({
    stateKey: d.stateKey,
    providers: { vault: ['hashicorp/vault', '~> 4.4'] },
    providerBlocks: [
      block('provider', ['vault'], [attr('address', str(d.address))]),
    ],
  });
  const configuration = [
    block(
      'resource',
      ['vault_auth_backend', 'kubernetes'],
      [attr('type', str('kubernetes')), attr('path', str('kubernetes'))],
    ),
    block(
      'resource',
      ['vault_jwt_auth_backend', 'oidc'],
      [
        attr('path', str('oidc')),
        attr('type', str('oidc')),
        attr(
          'oidc_discovery_url',
          str('https://login.fernhill.example/oauth2/default'),
        ),
        attr('oidc_client_id', 'var.oidc_client_id'),
        attr('default_role', str('engineer')),
      ],
    ),
    f.audit.includes('file') &&
      block(
        'resource',
        ['vault_audit', 'file'],
        [
          attr('type', str('file')),
          attr(
            'options',
            map({ file_path: str('/vault/audit/vault_audit.log') }),
          ),
        ],
      ),
    f.audit.includes('syslog') &&
      block(
        'resource',
        ['vault_audit', 'syslog'],
        [
          attr('type', str('syslog')),
          attr('options', map({ tag: str('vault'), facility: str('AUTH') })),
        ],
      ),
  ];
  return {
    files: {
      [`${d.dir}/values.yaml`]: toYaml(base),
      [`${d.dir}/values-prod.yaml`]: toYaml(overlay),
      [`${d.dir}/raft-snapshot-cronjob.yaml`]: toYaml(cronJob),
      [`${d.terraformDir}/main.tf`]: tfFile(...provider, ...configuration),
    },
    secrets: [],
  };
}

/** A Terraform module configuring a Vault that runs elsewhere. */
export function vaultProviderModule(d) {
  const f = d.facets;
  const provider = backendAndProviders({
    stateKey: d.stateKey,
    providers: { vault: ['hashicorp/vault', '~> 4.4'] },
    providerBlocks: [
      block('provider', ['vault'], [attr('address', str(d.address))]),
    ],
  });
  const methods = f.authentication
    .split('+')
    .map(method =>
      block(
        'resource',
        ['vault_auth_backend', method],
        [attr('type', str(method))],
      ),
    );
  const audits =
    f.audit === 'none'
      ? []
      : f.audit
          .split('+')
          .map(type =>
            block('resource', ['vault_audit', type], [attr('type', str(type))]),
          );
  return {
    files: { [`${d.dir}/main.tf`]: tfFile(...provider, ...methods, ...audits) },
    secrets: [],
  };
}

/** Vault in dev mode for a laptop: the image's default command. */
export function vaultCompose(d) {
  return {
    files: {
      [d.file]: toYaml({
        services: {
          vault: {
            image: `hashicorp/vault:${d.facets.version}`,
            cap_add: ['IPC_LOCK'],
            ports: ['8200:8200'],
            environment: {
              VAULT_DEV_ROOT_TOKEN_ID: d.rootToken,
              VAULT_DEV_LISTEN_ADDRESS: '0.0.0.0:8200',
            },
          },
        },
      }),
    },
    secrets: [{ path: d.file, value: d.rootToken }],
  };
}

/** A Deployment whose pods get their secrets from the Vault agent injector. */
export function injectedDeployment(d) {
  return toYaml({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: d.name,
      namespace: d.namespace,
      labels: { environment: d.environment, team: d.owner },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: d.name } },
      template: {
        metadata: {
          labels: { app: d.name },
          annotations: {
            'vault.hashicorp.com/agent-inject': 'true',
            'vault.hashicorp.com/role': d.role,
            'vault.hashicorp.com/agent-inject-secret-config': d.secretPath,
            'vault.hashicorp.com/agent-image': `hashicorp/vault:${d.agentVersion}`,
          },
        },
        spec: {
          serviceAccountName: d.name,
          containers: [
            {
              name: 'app',
              image: `registry.fernhill.example/${d.name}:${d.appVersion}`,
            },
          ],
        },
      },
    },
  });
}
