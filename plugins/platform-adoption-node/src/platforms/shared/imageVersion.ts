import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { describeValue, isUnresolved } from '../../parsing/configValue';
import {
  parseImageReference,
  versionFromImageTag,
} from '../../parsing/imageReference';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';
import { SourcedValue } from './sourcedValue';

/**
 * Sets `version` from a full image reference (`mongo:7.0.14`,
 * `bitnami/postgresql:16.4.0-debian-12-r0@sha256:…`). An unpinned image
 * (`latest`, no tag) is `unknown` with the note "unpinned: latest": `latest`
 * is not a version.
 */
export function setVersionFromImage(
  builder: DeploymentBuilder,
  image: SourcedValue,
  /** Another facet to set, e.g. a client's `clientVersion` from an agent image. */
  facet = 'version',
): void {
  const { value, path } = image;
  if (
    isUnresolved(value) ||
    value.kind !== 'scalar' ||
    typeof value.value !== 'string'
  ) {
    builder.unknown(
      facet,
      fileEvidence(
        path,
        value.line,
        `unresolved image: ${describeValue(value)}`,
      ),
    );
    return;
  }
  const reference = parseImageReference(value.value);
  if (!reference) {
    builder.unknown(
      facet,
      fileEvidence(path, value.line, `unreadable image "${value.value}"`),
    );
    return;
  }
  const version = versionFromImageTag(reference);
  if (version.pinned) {
    builder.set(
      facet,
      version.version,
      fileEvidence(
        path,
        value.line,
        `image ${reference.repository}:${reference.tag}`,
      ),
    );
  } else {
    builder.set(facet, UNKNOWN, fileEvidence(path, value.line, version.note));
  }
}

/**
 * Sets `version` from a Helm-style separate tag (`image.tag: 7.0.15@sha256:…`);
 * without a tag the chart's default image applies, whose version the values
 * do not say.
 */
export function setVersionFromTag(
  builder: DeploymentBuilder,
  tag: SourcedValue | undefined,
  fallback: { path: string; line?: number; note: string },
): void {
  if (!tag) {
    builder.unknown(
      'version',
      fileEvidence(fallback.path, fallback.line, fallback.note),
    );
    return;
  }
  const { value } = tag;
  const path = value.source ?? tag.path;
  if (isUnresolved(value) || value.kind !== 'scalar' || value.value === null) {
    builder.unknown(
      'version',
      fileEvidence(path, value.line, `unresolved: ${describeValue(value)}`),
    );
    return;
  }
  const text = String(value.value);
  const at = text.indexOf('@');
  const version = versionFromImageTag({
    reference: text,
    repository: '',
    name: '',
    tag: at === -1 ? text : text.slice(0, at) || undefined,
    digest: at === -1 ? undefined : text.slice(at + 1),
  });
  if (version.pinned)
    builder.set(
      'version',
      version.version,
      fileEvidence(path, value.line, `image tag ${text}`),
    );
  else
    builder.set(
      'version',
      UNKNOWN,
      fileEvidence(path, value.line, version.note),
    );
}

/** Whether an image reference names one of the given repositories (by last path segment). */
export function imageNamed(
  value: SourcedValue['value'] | undefined,
  names: string[],
): boolean {
  if (value?.kind !== 'scalar' || typeof value.value !== 'string') return false;
  const reference = parseImageReference(value.value);
  return reference !== undefined && names.includes(reference.name);
}
