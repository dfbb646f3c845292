import { FacetScalar } from '@platform-adoption/plugin-platform-adoption-common';
import {
  ConfigScalarValue,
  ConfigValue,
  describeValue,
  isUnresolved,
} from '../../parsing/configValue';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';

/** A value with the file it is written in (and how it was reached, for Terraform). */
export interface SourcedValue {
  value: ConfigValue;
  path: string;
  via?: string;
}

/** What a facet takes when its source is absent: a documented default. */
export interface FacetDefault {
  value: FacetScalar;
  path: string;
  line?: number;
  note: string;
}

/**
 * Sets a facet from a written value: normalised when it is a literal the
 * facet understands, `unknown` when it is unresolved or unrecognised, the
 * documented default when it is absent. Every outcome carries evidence.
 */
export function setFacetFrom(
  builder: DeploymentBuilder,
  id: string,
  source: SourcedValue | undefined,
  normalise: (value: ConfigScalarValue) => FacetScalar | undefined,
  fallback?: FacetDefault,
): void {
  if (!source) {
    if (fallback) {
      builder.set(
        id,
        fallback.value,
        fileEvidence(fallback.path, fallback.line, fallback.note),
      );
    }
    return;
  }
  const { value, via } = source;
  const path = value.source ?? source.path;
  const from = via ? `from ${via}` : undefined;
  if (isUnresolved(value)) {
    builder.unknown(
      id,
      fileEvidence(path, value.line, `unresolved: ${describeValue(value)}`),
    );
    return;
  }
  if (value.kind !== 'scalar' || value.value === null) {
    if (value.kind === 'scalar' && fallback) {
      // `key:` with nothing after it means the default, as Helm reads it.
      builder.set(
        id,
        fallback.value,
        fileEvidence(fallback.path, fallback.line, fallback.note),
      );
      return;
    }
    builder.unknown(
      id,
      fileEvidence(
        path,
        value.line,
        `not a single value: ${describeValue(value)}`,
      ),
    );
    return;
  }
  const normalised = normalise(value.value);
  if (normalised === undefined) {
    builder.unknown(
      id,
      fileEvidence(
        path,
        value.line,
        `unrecognised value "${String(value.value)}"`,
      ),
    );
    return;
  }
  builder.set(id, normalised, fileEvidence(path, value.line, from));
}

/** Literal text as written. */
export const asText = (value: ConfigScalarValue): string | undefined =>
  value === null || value === '' ? undefined : String(value);

/** A server version as written (`7.0`, `16.4`, `6.0.14`), `v` prefix dropped. */
export const asServerVersion = (
  value: ConfigScalarValue,
): string | undefined => {
  if (value === null) return undefined;
  const text = String(value).trim().replace(/^v/i, '');
  return /^\d+(\.\d+){0,3}$/.test(text) ? text : undefined;
};

/** A non-negative whole number. */
export const asCount = (value: ConfigScalarValue): number | undefined => {
  const number =
    typeof value === 'string' && /^\s*\d+\s*$/.test(value)
      ? Number(value)
      : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0
    ? number
    : undefined;
};
