import type { Evidence } from '@platform-adoption/plugin-platform-adoption-common';

/**
 * A link to the file a facet value came from: the evidence's own URL when
 * the detector knew one, else `${repository}${path}#L${line}`.
 */
export function evidenceUrl(
  evidence: Evidence,
  repository: string | undefined,
): string | undefined {
  if (evidence.kind !== 'file') return undefined;
  if (evidence.url) return evidence.url;
  if (!repository) return undefined;
  const base = repository.replace(/^url:/, '');
  if (!/^https?:\/\//.test(base)) return undefined;
  const joined = `${base.replace(/\/+$/, '')}/${evidence.path.replace(
    /^\/+/,
    '',
  )}`;
  return evidence.line ? `${joined}#L${evidence.line}` : joined;
}

/** "terraform/main.tf:12", or the entity field a value was read from. */
export function evidenceLabel(evidence: Evidence): string {
  if (evidence.kind === 'file') {
    return evidence.line ? `${evidence.path}:${evidence.line}` : evidence.path;
  }
  return `${evidence.entityRef} (${evidence.field})`;
}

/** A repository URL without the `url:` prefix locations carry. */
export function repositoryUrl(repository: string | undefined) {
  if (!repository) return undefined;
  const url = repository.replace(/^url:/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
}
