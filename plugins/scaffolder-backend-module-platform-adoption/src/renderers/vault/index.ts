import { vaultPlatform } from '@platform-adoption/plugin-platform-adoption-node';
import { PlatformRenderer } from '../../rendering/types';
import { vaultHelmForm } from './helm';

/** HashiCorp Vault: the official Helm chart through Flux, configured with the vault provider. */
export const vaultRenderer: PlatformRenderer = {
  platform: vaultPlatform,
  resource: { type: 'vault', tags: ['vault'] },
  choices: {},
  forms: [vaultHelmForm],
};
