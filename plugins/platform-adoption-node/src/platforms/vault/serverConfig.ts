import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  ConfigMap,
  ConfigValue,
  hasPlaceholder,
  listAt,
  mapAt,
  valueAt,
} from '../../parsing/configValue';
import { embeddedTextStartLine } from '../../parsing/embeddedText';
import { blockAsValue, isHclParserLoaded, parseHcl } from '../../parsing/hcl';
import { parseJson } from '../../parsing/yaml';

/** A stanza of a Vault server configuration, with its line in the file. */
export interface VaultStanza {
  /** The stanza's label: `raft`, `awskms`, `tcp`. */
  type: string;
  line: number;
  body: ConfigMap;
}

/**
 * The parts of a Vault server configuration the facets read: the storage
 * backend, the seals, the listeners and telemetry, each with the line of
 * the file it is written on.
 */
export interface VaultServerConfig {
  path: string;
  storage?: VaultStanza;
  seals: VaultStanza[];
  listeners: VaultStanza[];
  telemetry?: { line: number; body: ConfigMap };
  /** Why the configuration could not be read, when it could not. */
  unreadable?: string;
}

/**
 * Reads a Vault server configuration wherever it is written: an HCL or
 * JSON string (a Helm value such as `server.ha.raft.config`, the image's
 * `VAULT_LOCAL_CONFIG`, a mounted `vault.hcl`), or a YAML map in the JSON
 * layout. Lines inside an embedded string are reported as lines of the
 * file that embeds it.
 */
export function readVaultServerConfig(
  repo: ParsedRepository,
  value: ConfigValue,
  path: string,
): VaultServerConfig {
  const file = value.source ?? path;
  if (value.kind === 'map') return fromJsonLayout(value, file, 0);
  if (value.kind !== 'scalar' || typeof value.value !== 'string')
    return unreadable(file, 'not a configuration text');
  const text = value.value;
  if (hasPlaceholder(text))
    return unreadable(file, 'the configuration is templated');
  const offset = embeddedTextStartLine(repo.text(file), value.line) - 1;
  return readVaultConfigText(text, file, offset, message =>
    repo.report(message, file),
  );
}

/** Reads a configuration file's (or string's) text, HCL or JSON. */
export function readVaultConfigText(
  text: string,
  path: string,
  lineOffset = 0,
  report?: (message: string) => void,
): VaultServerConfig {
  if (/^\s*\{/.test(text)) {
    const root = parseJson(path, text).documents[0]?.root;
    return root?.kind === 'map'
      ? fromJsonLayout(root, path, lineOffset)
      : unreadable(path, 'invalid JSON configuration');
  }
  if (!isHclParserLoaded())
    return unreadable(path, 'the HCL parser is not loaded');
  const hcl = parseHcl(path, text);
  for (const issue of hcl.issues)
    report?.(
      `${path}: Vault configuration syntax error at line ${
        (issue.line ?? 1) + lineOffset
      }; values near it may be missing`,
    );
  const stanzas = (type: string): VaultStanza[] =>
    hcl.blocks
      .filter(block => block.type === type)
      .map(block => ({
        type: block.labels[0] ?? '',
        line: block.line + lineOffset,
        body: shift(blockAsValue(block), lineOffset),
      }));
  const telemetry = hcl.blocks.find(block => block.type === 'telemetry');
  return {
    path,
    storage: stanzas('storage')[0],
    seals: stanzas('seal'),
    listeners: stanzas('listener'),
    telemetry: telemetry
      ? {
          line: telemetry.line + lineOffset,
          body: shift(blockAsValue(telemetry), lineOffset),
        }
      : undefined,
  };
}

/**
 * The JSON layout Vault documents: `{"storage": {"raft": {…}}, "listener":
 * [{"tcp": {…}}], "seal": {"awskms": {…}}}`, a listener also as a map.
 */
function fromJsonLayout(
  root: ConfigMap,
  path: string,
  lineOffset: number,
): VaultServerConfig {
  const stanzas = (key: string): VaultStanza[] =>
    listAt(root, [key]).flatMap(entry =>
      entry.kind === 'map'
        ? [...entry.entries].map(([type, body]) => ({
            type,
            line: body.line + lineOffset,
            body:
              body.kind === 'map'
                ? shift(body, lineOffset)
                : {
                    kind: 'map' as const,
                    entries: new Map(),
                    line: body.line + lineOffset,
                  },
          }))
        : [],
    );
  const telemetry = mapAt(root, ['telemetry']);
  return {
    path,
    storage: stanzas('storage')[0],
    seals: stanzas('seal'),
    listeners: stanzas('listener'),
    telemetry: telemetry
      ? {
          line: telemetry.line + lineOffset,
          body: shift(telemetry, lineOffset),
        }
      : undefined,
  };
}

function unreadable(path: string, why: string): VaultServerConfig {
  return { path, seals: [], listeners: [], unreadable: why };
}

/** A value with every line moved by `offset`, for text embedded in another file. */
function shift<T extends ConfigValue>(value: T, offset: number): T {
  if (offset === 0) return value;
  if (value.kind === 'map')
    return {
      ...value,
      line: value.line + offset,
      entries: new Map(
        [...value.entries].map(([k, v]) => [k, shift(v, offset)]),
      ),
    };
  if (value.kind === 'list')
    return {
      ...value,
      line: value.line + offset,
      items: value.items.map(i => shift(i, offset)),
    };
  return { ...value, line: value.line + offset };
}

/** Whether a listener stanza switches TLS off (`tls_disable = 1`, `"true"`). */
export function listenerTlsDisabled(
  listener: VaultStanza,
): boolean | undefined {
  const value = valueAt(listener.body, ['tls_disable']);
  if (!value) return false;
  return value.kind === 'scalar' ? asBoolean(value.value) : undefined;
}

/** Whether a seal stanza is switched off (`disabled = "true"`, during seal migration). */
export function sealDisabled(seal: VaultStanza): boolean {
  const value = valueAt(seal.body, ['disabled']);
  return value?.kind === 'scalar' && asBoolean(value.value) === true;
}
