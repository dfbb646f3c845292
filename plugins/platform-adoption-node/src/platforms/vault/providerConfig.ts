import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import {
  setEnvironment,
  terraformEnvironmentHints,
} from '../shared/environmentHints';
import { FoundMethod, setMethodsFacet } from '../shared/methodsFacet';
import { terraformLiteral } from '../shared/terraformFacts';
import { VAULT_PLATFORM_ID } from './definition';

/**
 * Auth methods by the dedicated resources that enable them; the generic
 * `vault_auth_backend` names its own in `type`.
 */
const AUTH_RESOURCES: Record<
  string,
  string | ((m: TerraformModule, r: TerraformResource) => string)
> = {
  vault_auth_backend: (m, r) =>
    String(terraformLiteral(m, r, 'type') ?? UNKNOWN),
  vault_jwt_auth_backend: (m, r) =>
    String(terraformLiteral(m, r, 'type') ?? 'jwt'),
  vault_ldap_auth_backend: 'ldap',
  vault_github_auth_backend: 'github',
  vault_okta_auth_backend: 'okta',
  vault_gcp_auth_backend: 'gcp',
  vault_azure_auth_backend_config: 'azure',
  vault_aws_auth_backend_client: 'aws',
  vault_saml_auth_backend: 'saml',
};

/**
 * How a Terraform module configures a Vault server through the `vault`
 * provider: the auth methods and audit devices it enables, and whether it
 * configures automated Raft snapshots (Enterprise). The server itself runs
 * elsewhere; its deployment, when in the same repository, takes these.
 */
export interface VaultProviderConfig {
  module: TerraformModule;
  path: string;
  line: number;
  address?: string;
  authentication: FoundMethod[];
  audit: FoundMethod[];
  snapshots?: TerraformResource;
}

/** Every module that uses the `vault` provider (a provider block or vault_* resources). */
export function vaultProviderConfigs(
  repo: ParsedRepository,
): VaultProviderConfig[] {
  const configs: VaultProviderConfig[] = [];
  for (const module of repo.terraformModules()) {
    const provider = module.providers.get('vault');
    const resources = module.resources.filter(
      r => r.mode === 'resource' && r.type.startsWith('vault_'),
    );
    if (!provider && resources.length === 0) continue;
    const authentication: FoundMethod[] = [];
    for (const resource of resources) {
      const method = AUTH_RESOURCES[resource.type];
      if (method === undefined) continue;
      authentication.push({
        method: typeof method === 'string' ? method : method(module, resource),
        path: resource.path,
        line: resource.line,
      });
    }
    const audit = resources
      .filter(r => r.type === 'vault_audit')
      .map(r => ({
        method: String(terraformLiteral(module, r, 'type') ?? UNKNOWN),
        path: r.path,
        line: r.line,
      }));
    const address = provider?.body.entries.get('address');
    const first = resources[0];
    configs.push({
      module,
      path: provider?.path ?? first.path,
      line: provider?.body.line ?? first.line,
      address:
        address?.kind === 'scalar' && typeof address.value === 'string'
          ? address.value
          : undefined,
      authentication,
      audit,
      snapshots: resources.find(
        r => r.type === 'vault_raft_snapshot_agent_config',
      ),
    });
  }
  return configs;
}

/**
 * Sets what the provider configuration says on a server's deployment:
 * its auth methods (`token` when it enables none), audit devices and
 * automated snapshots; its files join the deployment.
 */
export function applyProviderConfig(
  builder: DeploymentBuilder,
  config: VaultProviderConfig,
): void {
  builder.addFile(config.path);
  if (config.authentication.length)
    setMethodsFacet(builder, 'authentication', config.authentication, {
      path: config.path,
      note: '',
    });
  else
    builder.set(
      'authentication',
      'token',
      fileEvidence(
        config.path,
        config.line,
        'the vault provider enables no auth method: tokens only',
      ),
    );
  // The server's own hint (an audit volume) stands unless devices are declared here.
  if (config.audit.length || !builder.has('audit'))
    setMethodsFacet(builder, 'audit', config.audit, {
      path: config.path,
      line: config.line,
      note: 'no vault_audit device',
    });
  if (config.snapshots && builder.get('backup') !== 'snapshot') {
    const evidence = fileEvidence(
      config.snapshots.path,
      config.snapshots.line,
      'automated Raft snapshots (vault_raft_snapshot_agent_config)',
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'raft-snapshot-agent', evidence);
  }
  for (const found of [...config.authentication, ...config.audit])
    builder.addFile(found.path);
}

/**
 * A provider configuration whose server is not in the repository, as a
 * deployment of its own: what it configures is all the files say.
 */
export function providerConfigDeployment(
  config: VaultProviderConfig,
): DeploymentBuilder {
  const name =
    config.address?.replace(/^https?:\/\//, '').replace(/[:/].*$/, '') ??
    (config.module.directory || 'vault');
  const builder = new DeploymentBuilder(
    VAULT_PLATFORM_ID,
    'server',
    `${config.module.directory || '.'}#provider.vault`,
    name,
    config.path,
  );
  const origin = fileEvidence(
    config.path,
    config.line,
    'configured through the vault provider',
  );
  builder.set('provisioning', 'terraform', origin);
  builder.unknown(
    'hosting',
    fileEvidence(
      config.path,
      config.line,
      'the server the provider configures runs elsewhere',
    ),
  );
  const first = config.module.resources[0];
  setEnvironment(
    builder,
    [
      ...(first ? terraformEnvironmentHints(config.module, first) : []),
      ...(config.address
        ? [
            {
              text: name,
              path: config.path,
              line: config.line,
              what: 'address',
            },
          ]
        : []),
    ],
    config.path,
  );
  applyProviderConfig(builder, config);
  if (!builder.has('backup')) {
    const evidence = fileEvidence(
      config.path,
      config.line,
      'no snapshot agent configured',
    );
    builder.set('backup', 'none', evidence);
    builder.set('backupTool', 'none', evidence);
  }
  return builder;
}
