import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  ConfigMap,
  mapAt,
  scalarAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { helmDeployment } from '../shared/helmDeployment';
import {
  HelmChartMatcher,
  helmDeploymentSources,
  HelmDeploymentSource,
  valuesEvidence,
  valuesLookup,
} from '../shared/helmSources';
import { setVersionFromTag } from '../shared/imageVersion';
import { FoundMethod, setMethodsFacet } from '../shared/methodsFacet';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import { VAULT_PLATFORM_ID } from './definition';
import { setRaftSnapshotBackup } from './raftSnapshots';
import { readVaultServerConfig, VaultServerConfig } from './serverConfig';
import { setServerConfigFacets, telemetryMonitoring } from './serverFacets';

/** The storage of the chart's own configuration for each mode, used when the values write none. */
const DEFAULT_STORAGE = { standalone: 'file', raft: 'raft', ha: 'consul' };

/**
 * Recognises values of HashiCorp's `vault` chart: a `server` section with
 * the chart's modes (`ha`, `standalone`, `dev`) or the Vault image, or the
 * `injector` with its agent image.
 */
export const vaultChartMatcher: HelmChartMatcher = {
  charts: ['vault'],
  looksLikeValues(values: ConfigMap): boolean {
    const server = mapAt(values, ['server']);
    const repository = stringAt(server, ['image', 'repository']) ?? '';
    if (/(^|\/)vault(-enterprise)?$/.test(repository)) return true;
    // The chart's server modes, each with its `enabled` switch, are its own.
    if (
      ['ha', 'standalone', 'dev'].some(
        mode => scalarAt(server, [mode, 'enabled']) !== undefined,
      )
    )
      return true;
    const signals = [
      mapAt(server, ['ha']) !== undefined,
      mapAt(server, ['standalone']) !== undefined,
      mapAt(server, ['dev']) !== undefined,
      mapAt(server, ['dataStorage']) !== undefined ||
        mapAt(server, ['auditStorage']) !== undefined,
      mapAt(values, ['injector']) !== undefined,
      scalarAt(values, ['global', 'tlsDisable']) !== undefined,
    ];
    return signals.filter(Boolean).length >= 2;
  },
};

/** A Vault server installed by the chart, not yet built: Terraform settings may join it. */
export interface VaultServerSource {
  builder: DeploymentBuilder;
  environment: string | undefined;
  /** Where the server is declared, for evidence of what it lacks. */
  path: string;
  line: number;
}

/**
 * Vault servers installed with HashiCorp's chart, from Flux HelmReleases
 * and values files. A release that only runs the injector for an external
 * Vault (`global.externalVaultAddr`, `server.enabled: false`) installs no
 * server. Facets not written take the chart's documented defaults:
 * standalone with file storage, TLS off, injector on.
 */
export function vaultHelmServers(repo: ParsedRepository): VaultServerSource[] {
  return helmDeploymentSources(repo, vaultChartMatcher)
    .filter(source => runsServer(source.values))
    .map(source => {
      const builder = describe(repo, source);
      const environment = builder.get('environment');
      return {
        builder,
        environment: typeof environment === 'string' ? environment : undefined,
        path: source.path,
        line: source.line,
      };
    });
}

function flag(values: ConfigMap, path: string[]): boolean | undefined {
  const value = scalarAt(values, path);
  return value ? asBoolean(value.value) : undefined;
}

function runsServer(values: ConfigMap): boolean {
  if (stringAt(values, ['global', 'externalVaultAddr'])) return false;
  const server = flag(values, ['server', 'enabled']);
  if (server !== undefined) return server;
  return flag(values, ['global', 'enabled']) !== false;
}

function describe(
  repo: ParsedRepository,
  source: HelmDeploymentSource,
): DeploymentBuilder {
  const { values, path } = source;
  const at = valuesLookup(source);
  const builder = helmDeployment(VAULT_PLATFORM_ID, source);
  setVersionFromTag(builder, at(['server', 'image', 'tag']), {
    path,
    line: source.line,
    note: source.chartVersion
      ? `chart default image (chart version ${source.chartVersion} is the chart's, not Vault's)`
      : 'chart default image; the values do not say which Vault version',
  });

  const dev = flag(values, ['server', 'dev', 'enabled']) === true;
  const ha = !dev && flag(values, ['server', 'ha', 'enabled']) === true;
  const raft = ha && flag(values, ['server', 'ha', 'raft', 'enabled']) === true;
  let kind: 'dev' | 'raft' | 'ha' | 'standalone' = 'standalone';
  if (dev) kind = 'dev';
  else if (raft) kind = 'raft';
  else if (ha) kind = 'ha';
  const modeValue = valueAt(values, ['server', kind === 'raft' ? 'ha' : kind]);
  let modeNote = 'chart default: standalone';
  if (dev) modeNote = 'dev mode: in-memory, unsealed, root token';
  else if (ha) modeNote = raft ? 'HA with integrated storage' : 'HA';
  const mode = valuesEvidence(source, modeValue, modeNote);
  builder.set('topology', ha ? 'ha' : 'standalone', mode);
  if (ha)
    setFacetFrom(
      builder,
      'replicas',
      at(['server', 'ha', 'replicas']),
      asCount,
      {
        value: 3,
        path,
        line: modeValue?.line,
        note: 'chart default: server.ha.replicas 3',
      },
    );
  else builder.set('replicas', 1, mode);

  let config: VaultServerConfig | undefined;
  if (dev) {
    builder.set('storage', 'inmem', mode);
    builder.set('seal', 'shamir', mode);
    builder.set('tls', false, mode);
    builder.set('authentication', 'token', mode);
  } else {
    const storageKind = kind as keyof typeof DEFAULT_STORAGE;
    const configPath =
      kind === 'raft'
        ? ['server', 'ha', 'raft', 'config']
        : ['server', kind, 'config'];
    const written = valueAt(values, configPath);
    if (written) {
      config = readVaultServerConfig(repo, written, path);
      setServerConfigFacets(builder, config, sealFromEnvironment(source));
    } else {
      const evidence = valuesEvidence(
        source,
        undefined,
        `chart default ${configPath.join('.')}: storage "${
          DEFAULT_STORAGE[storageKind]
        }", tls_disable = 1`,
      );
      builder.set('storage', DEFAULT_STORAGE[storageKind], evidence);
      builder.set('tls', false, evidence);
      const seal = sealFromEnvironment(source);
      builder.set(
        'seal',
        seal?.value ?? 'shamir',
        seal
          ? fileEvidence(seal.path, seal.line, 'VAULT_SEAL_TYPE')
          : fileEvidence(
              path,
              source.line,
              'no seal stanza: Shamir key shares (Vault default)',
            ),
      );
    }
  }
  setMonitoring(builder, source, config);

  setAudit(builder, source);
  const injector = scalarAt(values, ['injector', 'enabled']);
  const injectorOn =
    injector && injector.value !== '-'
      ? asBoolean(injector.value) !== false
      : flag(values, ['global', 'enabled']) !== false;
  builder.set(
    'injector',
    injectorOn,
    valuesEvidence(
      source,
      injector,
      injector && injector.value !== '-'
        ? 'injector.enabled'
        : 'chart default: the injector follows global.enabled',
    ),
  );
  setRaftSnapshotBackup(
    builder,
    repo.kubernetesObjects(),
    source.form === 'helm-release'
      ? source.environmentHints.find(h => h.what === 'namespace')?.text
      : undefined,
    source,
  );
  return builder;
}

/** `VAULT_SEAL_TYPE` among `server.extraEnvironmentVars`. */
function sealFromEnvironment(source: HelmDeploymentSource) {
  const seal = scalarAt(source.values, [
    'server',
    'extraEnvironmentVars',
    'VAULT_SEAL_TYPE',
  ]);
  return seal && typeof seal.value === 'string'
    ? { value: seal.value, path: seal.source ?? source.path, line: seal.line }
    : undefined;
}

function setMonitoring(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  config: VaultServerConfig | undefined,
) {
  const found: FoundMethod[] = config ? telemetryMonitoring(config) : [];
  const serviceMonitor = scalarAt(source.values, [
    'serverTelemetry',
    'serviceMonitor',
    'enabled',
  ]);
  if (serviceMonitor && asBoolean(serviceMonitor.value))
    found.push({
      method: 'prometheus',
      path: serviceMonitor.source ?? source.path,
      line: serviceMonitor.line,
    });
  setMethodsFacet(builder, 'monitoring', found, {
    path: source.path,
    line: source.line,
    note: 'no telemetry stanza or ServiceMonitor',
  });
}

/**
 * `server.auditStorage.enabled` gives audit logs a volume, which is how a
 * file audit device is run on Kubernetes (the device itself is enabled at
 * runtime or through Terraform, which is joined later and wins).
 */
function setAudit(builder: DeploymentBuilder, source: HelmDeploymentSource) {
  const audit = scalarAt(source.values, ['server', 'auditStorage', 'enabled']);
  if (audit && asBoolean(audit.value))
    builder.set(
      'audit',
      'file',
      valuesEvidence(
        source,
        audit,
        'auditStorage: a volume for file audit logs',
      ),
    );
  else
    builder.set(
      'audit',
      'none',
      valuesEvidence(
        source,
        audit,
        audit ? 'auditStorage disabled' : 'chart default: no audit storage',
      ),
    );
}
