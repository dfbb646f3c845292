import { ParsedRepository } from '../../detection/parsedRepository';
import { ComposeService } from '../../parsing/compose';
import { composeDeployment } from '../shared/composeDeployment';
import { composeDeploymentSources } from '../shared/composeSources';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { setMethodsFacet } from '../shared/methodsFacet';
import { VAULT_PLATFORM_ID } from './definition';
import { VaultServerSource } from './helm';
import {
  readVaultConfigText,
  readVaultServerConfig,
  VaultServerConfig,
} from './serverConfig';
import { setServerConfigFacets, telemetryMonitoring } from './serverFacets';

const VAULT_IMAGES = ['vault', 'vault-enterprise'];
/** The official image's configuration directory, read by `server` without `-config`. */
const CONFIG_DIR = '/vault/config';

/**
 * Vault servers of Compose files: the image runs `server -dev` unless told
 * otherwise (in-memory, unsealed, a root token); `server` reads
 * `VAULT_LOCAL_CONFIG` and the files mounted at `/vault/config` (or given
 * with `-config`), which are read from the repository when the mount's
 * source is a folder of it. Services running other commands (`vault
 * operator unseal`, `vault kv put`) are clients.
 */
export function vaultComposeServers(
  repo: ParsedRepository,
): VaultServerSource[] {
  return composeDeploymentSources(repo, VAULT_IMAGES, [])
    .filter(({ service }) => runsServer(service.commandLine))
    .map(({ path, service }) => {
      const builder = describe(repo, path, service);
      const environment = builder.get('environment');
      return {
        builder,
        environment: typeof environment === 'string' ? environment : undefined,
        path,
        line: service.line,
      };
    });
}

function runsServer(commandLine: string): boolean {
  const words = commandLine.trim().split(/\s+/).filter(Boolean);
  // The entrypoint runs `vault <args>`; an empty command is `server -dev`.
  return words.length === 0 || words.includes('server');
}

function describe(
  repo: ParsedRepository,
  path: string,
  service: ComposeService,
): DeploymentBuilder {
  const builder = composeDeployment(VAULT_PLATFORM_ID, path, service);
  const origin = fileEvidence(
    path,
    service.line,
    `compose service ${service.name}`,
  );
  builder.set('topology', 'standalone', origin);
  builder.set('replicas', 1, origin);
  const dev =
    service.commandLine.trim() === '' ||
    /(^|\s)-dev(\s|=|$|-)/.test(service.commandLine);
  if (dev) {
    const evidence = fileEvidence(
      path,
      service.line,
      'server -dev: in-memory, unsealed, root token',
    );
    builder.set('storage', 'inmem', evidence);
    builder.set('seal', 'shamir', evidence);
    builder.set('tls', false, evidence);
    builder.set('authentication', 'token', evidence);
    builder.set('monitoring', 'none', evidence);
  } else {
    const configs = serverConfigs(repo, path, service);
    if (configs.length === 0) {
      const evidence = fileEvidence(
        path,
        service.line,
        'no VAULT_LOCAL_CONFIG and no configuration in the repository',
      );
      for (const facet of ['storage', 'seal', 'tls'])
        builder.unknown(facet, evidence);
      builder.set('monitoring', 'none', evidence);
    } else {
      const config = merged(configs);
      configs.forEach(c => builder.addFile(c.path));
      setServerConfigFacets(builder, config);
      setMethodsFacet(builder, 'monitoring', telemetryMonitoring(config), {
        path: config.path,
        note: 'no telemetry stanza',
      });
    }
  }
  builder.set(
    'audit',
    'none',
    fileEvidence(
      path,
      service.line,
      'no audit device in the files (devices are enabled at runtime)',
    ),
  );
  const none = fileEvidence(
    path,
    service.line,
    'no Raft snapshot job beside the server',
  );
  builder.set('backup', 'none', none);
  builder.set('backupTool', 'none', none);
  return builder;
}

/** Vault merges every configuration it is given; so does this, first stanza first. */
function merged(configs: VaultServerConfig[]): VaultServerConfig {
  const storage = configs.find(c => c.storage);
  const readable = configs.filter(c => !c.unreadable);
  return {
    path: storage?.path ?? configs[0].path,
    storage: storage?.storage,
    seals: configs.flatMap(c => c.seals.map(s => ({ ...s }))),
    listeners: configs.flatMap(c => c.listeners),
    telemetry: configs.find(c => c.telemetry)?.telemetry,
    unreadable: readable.length ? undefined : configs[0].unreadable,
  };
}

function serverConfigs(
  repo: ParsedRepository,
  path: string,
  service: ComposeService,
): VaultServerConfig[] {
  const configs: VaultServerConfig[] = [];
  const local = service.environment.get('VAULT_LOCAL_CONFIG');
  if (local) configs.push(readVaultServerConfig(repo, local, path));
  const given = [...service.commandLine.matchAll(/-config[= ](\S+)/g)].map(
    m => m[1],
  );
  for (const target of given.length ? given : [CONFIG_DIR]) {
    for (const file of repositoryFilesAt(repo, path, service, target)) {
      const text = repo.text(file);
      if (text !== undefined)
        configs.push(
          readVaultConfigText(text, file, 0, message =>
            repo.report(message, file),
          ),
        );
    }
  }
  return configs;
}

/**
 * The repository files a container path shows through a bind mount
 * (`./vault/config:/vault/config`): one file, or the `.hcl`/`.json` files
 * of a folder. Named volumes and absolute host paths are not the
 * repository's.
 */
function repositoryFilesAt(
  repo: ParsedRepository,
  composePath: string,
  service: ComposeService,
  target: string,
): string[] {
  const mount = service.mounts.find(
    m =>
      m.source?.startsWith('.') &&
      (target === m.target ||
        target.startsWith(`${m.target.replace(/\/$/, '')}/`)),
  );
  if (!mount?.source) return [];
  const folder = composePath.includes('/')
    ? composePath.slice(0, composePath.lastIndexOf('/') + 1)
    : '';
  const inside = target.slice(mount.target.replace(/\/$/, '').length);
  const hostPath = normalise(`${folder}${mount.source}${inside}`);
  const files = repo.list([
    hostPath,
    `${hostPath}/*.hcl`,
    `${hostPath}/*.json`,
  ]);
  return files.filter(f => f === hostPath || /\.(hcl|json)$/.test(f));
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
