import {
  FacetDefinition,
  FacetScalar,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  asBoolean,
  asNumber,
  ConfigPath,
  ConfigScalarValue,
  describeValue,
  isUnresolved,
  valueAt,
} from '../../parsing/configValue';
import {
  parseImageReference,
  versionFromImageTag,
} from '../../parsing/imageReference';
import { redactCredential } from '../../parsing/redaction';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { environmentFromName } from '../shared/environment';
import { DeclaredFacetSource } from './declaration';
import { DeclaredDocument } from './declaredDocuments';

/**
 * A declared path as steps: dots between keys, numbers for list items,
 * and `[n]` read as `.n` (`spec.nodePools[0].replicas`).
 */
export function declaredPath(path: string): Array<string | number> {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map(step => (/^\d+$/.test(step) ? Number(step) : step));
}

/** The value at a declared path: `container.…` in the matched container, the rest in the document. */
function lookup(document: DeclaredDocument, path: string) {
  const steps = declaredPath(path);
  if (steps[0] === 'container' && document.container)
    return valueAt(document.container, steps.slice(1) as ConfigPath);
  return valueAt(document.root, steps as ConfigPath);
}

/** A version as text: an image reference's tag, or the version itself, distro suffixes dropped. */
function asVersion(text: string): string | undefined {
  const reference =
    text.includes(':') || text.includes('/')
      ? parseImageReference(text)
      : undefined;
  const version = versionFromImageTag(
    reference ?? { reference: text, repository: '', name: '', tag: text },
  );
  return version.pinned ? version.version : undefined;
}

/** Normalises a value for its facet's kind; undefined when it is not one. */
function normalise(
  facet: FacetDefinition,
  value: ConfigScalarValue,
): FacetScalar | undefined {
  if (value === null) return undefined;
  switch (facet.kind) {
    case 'boolean':
      return asBoolean(value);
    case 'numeric':
      return asNumber(value);
    case 'version':
      return asVersion(String(value));
    default: {
      const text = String(value);
      // The environment context uses the built-in words (prod → production).
      return facet.id === 'environment'
        ? environmentFromName(text) ?? text
        : text;
    }
  }
}

/**
 * Sets a declared facet from its path: mapped through `map`, normalised
 * for the facet's kind, the declared `default` when the path is absent,
 * `unknown` when the value is unresolved, not a single value, not of the
 * facet's kind, or absent without a default.
 */
export function setDeclaredFacet(
  builder: DeploymentBuilder,
  facet: FacetDefinition,
  source: DeclaredFacetSource,
  document: DeclaredDocument,
): void {
  const value = lookup(document, source.path);
  if (!value) {
    if (source.default !== undefined) {
      const normalised = normalise(facet, source.default);
      builder.set(
        facet.id,
        normalised ?? UNKNOWN,
        fileEvidence(
          document.path,
          document.line,
          `declared default (${source.path} not set)`,
        ),
      );
    } else
      builder.unknown(
        facet.id,
        fileEvidence(
          document.path,
          document.line,
          `${source.path} not set and no default declared`,
        ),
      );
    return;
  }
  const path = value.source ?? document.path;
  // The engine redacts by facet id; a declared path can reach a credential
  // under any facet (`authentication: { path: auth.password }`), so the
  // value is redacted by the key it is written under, before it is shown.
  const key = String(declaredPath(source.path).pop() ?? '');
  const shown = (raw: ConfigScalarValue) =>
    typeof raw === 'string' ? redactCredential(key, raw) : raw;
  if (isUnresolved(value) || value.kind !== 'scalar') {
    builder.unknown(
      facet.id,
      fileEvidence(
        path,
        value.line,
        isUnresolved(value)
          ? `unresolved: ${shown(describeValue(value))}`
          : `not a single value: ${describeValue(value)}`,
      ),
    );
    return;
  }
  const raw = shown(value.value);
  const mapped =
    raw !== null && source.map && String(raw) in source.map
      ? source.map[String(raw)]
      : raw;
  const normalised = normalise(facet, mapped);
  if (normalised === undefined)
    builder.unknown(
      facet.id,
      fileEvidence(
        path,
        value.line,
        `"${String(raw)}" is not a ${facet.kind} value`,
      ),
    );
  else
    builder.set(
      facet.id,
      normalised,
      fileEvidence(
        path,
        value.line,
        mapped !== raw
          ? `${source.path} "${String(raw)}" mapped to ${String(mapped)}`
          : source.path,
      ),
    );
}
