import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import {
  ParsedRepository,
  TERRAFORM_GLOBS,
  YAML_GLOBS,
} from '../../detection/parsedRepository';
import { PlatformDetector } from '../../detection/types';
import { PACKAGE_MANIFEST_GLOBS } from '../../parsing/packageManifests';
import { fileEvidence } from '../shared/deploymentBuilder';
import { detectVaultClients } from './clients';
import { vaultComposeServers } from './compose';
import { vaultPlatform } from './definition';
import { vaultHelmServers, VaultServerSource } from './helm';
import { detectInjectedWorkloads } from './injector';
import {
  applyProviderConfig,
  providerConfigDeployment,
  vaultProviderConfigs,
} from './providerConfig';

/** Vault configuration files a Compose service may mount. */
const VAULT_CONFIG_GLOBS = [
  '**/*.hcl',
  '**/*vault*.json',
  '**/vault/**/*.json',
];

/**
 * The built-in Vault detector: servers from HashiCorp's Helm chart and
 * Compose, joined with the Terraform `vault` provider configuration of
 * the same repository (auth methods, audit devices, snapshots), the
 * workloads the agent injector serves, and client libraries.
 *
 * @public
 */
export const vaultDetector: PlatformDetector = {
  platform: vaultPlatform,
  entitySignals: {
    resourceTypes: ['vault', 'secrets-manager', 'hashicorp-vault'],
    tags: ['vault', 'hashicorp-vault'],
  },
  fileGlobs: [
    ...TERRAFORM_GLOBS,
    ...YAML_GLOBS,
    ...PACKAGE_MANIFEST_GLOBS,
    ...VAULT_CONFIG_GLOBS,
  ],
  detect(files) {
    const repo = ParsedRepository.of(files);
    const servers = [...vaultHelmServers(repo), ...vaultComposeServers(repo)];
    const deployments: DetectedDeployment[] = [];
    for (const config of vaultProviderConfigs(repo)) {
      const own = providerConfigDeployment(config);
      const server = serverOf(servers, own.get('environment'));
      if (server) applyProviderConfig(server.builder, config);
      else deployments.push(own.build());
    }
    for (const { builder, path, line } of servers) {
      if (!builder.has('authentication'))
        builder.unknown(
          'authentication',
          fileEvidence(
            path,
            line,
            'auth methods are enabled at runtime or through the vault provider; none in this repository',
          ),
        );
    }
    deployments.unshift(...servers.map(s => s.builder.build()));
    deployments.push(
      ...detectInjectedWorkloads(repo),
      ...detectVaultClients(repo),
    );
    return { deployments, problems: repo.problems };
  },
};

/**
 * The server a provider configuration configures: the only one of its
 * environment, or the repository's only server.
 */
function serverOf(
  servers: VaultServerSource[],
  environment: unknown,
): VaultServerSource | undefined {
  const same = servers.filter(s => s.environment === environment);
  if (same.length === 1) return same[0];
  return servers.length === 1 ? servers[0] : undefined;
}
