import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  ClientLibrary,
  detectClientLibraries,
} from '../shared/clientLibraries';
import { VAULT_PLATFORM_ID } from './definition';

/** Vault client libraries, per ecosystem. */
export const VAULT_CLIENT_LIBRARIES: ClientLibrary[] = [
  { ecosystem: 'npm', name: 'node-vault' },
  { ecosystem: 'npm', name: 'hashi-vault-js' },
  { ecosystem: 'pypi', name: 'hvac' },
  { ecosystem: 'go', name: 'github.com/hashicorp/vault/api' },
  { ecosystem: 'go', name: 'github.com/hashicorp/vault-client-go' },
  {
    ecosystem: 'maven',
    name: name =>
      /^org\.springframework\.vault:spring-vault-core$/.test(name) ||
      /^org\.springframework\.cloud:spring-cloud-(starter-)?vault-config$/.test(
        name,
      ),
  },
  { ecosystem: 'maven', name: 'com.bettercloud:vault-java-driver' },
  { ecosystem: 'maven', name: 'io.github.jopenlibs:vault-java-driver' },
  { ecosystem: 'rubygems', name: 'vault' },
];

/** Applications using Vault through a client library, from their package manifests. */
export function detectVaultClients(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return detectClientLibraries(repo, VAULT_PLATFORM_ID, VAULT_CLIENT_LIBRARIES);
}
