import { stringAt, valueAt } from '../../parsing/configValue';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { FoundMethod } from '../shared/methodsFacet';
import {
  listenerTlsDisabled,
  sealDisabled,
  VaultServerConfig,
} from './serverConfig';

/** Where a value comes from when no configuration says: a documented default. */
export interface VaultDefault {
  path: string;
  line?: number;
  note: string;
}

/**
 * Sets `storage`, `seal` and `tls` from a server configuration. Without a
 * `seal` stanza Vault uses Shamir key shares; a `VAULT_SEAL_TYPE`
 * environment variable names the seal instead. TLS is on for a `tcp`
 * listener unless `tls_disable` says otherwise.
 */
export function setServerConfigFacets(
  builder: DeploymentBuilder,
  config: VaultServerConfig,
  sealFromEnvironment?: { value: string; path: string; line: number },
): void {
  const { path } = config;
  if (config.unreadable) {
    const evidence = fileEvidence(path, undefined, config.unreadable);
    for (const facet of ['storage', 'seal', 'tls'])
      builder.unknown(facet, evidence);
    return;
  }
  if (config.storage)
    builder.set(
      'storage',
      config.storage.type,
      fileEvidence(
        path,
        config.storage.line,
        `storage "${config.storage.type}"`,
      ),
    );
  else
    builder.unknown(
      'storage',
      fileEvidence(path, undefined, 'no storage stanza'),
    );

  const seals = config.seals.filter(seal => !sealDisabled(seal));
  if (seals.length)
    builder.set(
      'seal',
      [...new Set(seals.map(s => s.type))].sort().join('+'),
      fileEvidence(path, seals[0].line, `seal "${seals[0].type}"`),
    );
  else if (sealFromEnvironment)
    builder.set(
      'seal',
      sealFromEnvironment.value,
      fileEvidence(
        sealFromEnvironment.path,
        sealFromEnvironment.line,
        'VAULT_SEAL_TYPE',
      ),
    );
  else
    builder.set(
      'seal',
      'shamir',
      fileEvidence(
        path,
        undefined,
        'no seal stanza: Shamir key shares (Vault default)',
      ),
    );

  const tcp = config.listeners.filter(l => l.type === 'tcp');
  const plain = tcp.find(l => listenerTlsDisabled(l) === true);
  const undecided = tcp.find(l => listenerTlsDisabled(l) === undefined);
  if (plain)
    builder.set(
      'tls',
      false,
      fileEvidence(
        path,
        valueAt(plain.body, ['tls_disable'])?.line ?? plain.line,
        'listener "tcp" tls_disable',
      ),
    );
  else if (undecided)
    builder.unknown(
      'tls',
      fileEvidence(path, undecided.line, 'tls_disable unresolved'),
    );
  else if (tcp.length)
    builder.set(
      'tls',
      true,
      fileEvidence(
        path,
        tcp[0].line,
        'listener "tcp" serves TLS (tls_disable not set)',
      ),
    );
  else builder.unknown('tls', fileEvidence(path, undefined, 'no tcp listener'));
}

/** Prometheus metrics from the `telemetry` stanza (`prometheus_retention_time` above 0). */
export function telemetryMonitoring(config: VaultServerConfig): FoundMethod[] {
  const retention = stringAt(config.telemetry?.body, [
    'prometheus_retention_time',
  ]);
  if (!config.telemetry || !retention || /^0[a-z]*$/.test(retention)) return [];
  return [
    { method: 'prometheus', path: config.path, line: config.telemetry.line },
  ];
}
