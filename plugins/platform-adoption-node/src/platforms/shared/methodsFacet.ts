import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';

/** A method found switched on (a monitoring integration, an audit device), with where. */
export interface FoundMethod {
  method: string;
  path: string;
  line?: number;
}

/**
 * Sets a facet that lists methods (`monitoring`, `audit`,
 * `authentication`): the distinct methods found, sorted and joined with
 * `+` so the same set always reads the same; `none` with the given
 * evidence when nothing was found.
 */
export function setMethodsFacet(
  builder: DeploymentBuilder,
  id: string,
  found: FoundMethod[],
  none: { path: string; line?: number; note: string },
): void {
  if (found.length === 0) {
    builder.set(id, 'none', fileEvidence(none.path, none.line, none.note));
    return;
  }
  const methods = [...new Set(found.map(f => f.method))].sort();
  builder.set(
    id,
    methods.join('+'),
    fileEvidence(
      found[0].path,
      found[0].line,
      found.length > 1
        ? `from ${found.map(f => f.method).join(', ')}`
        : undefined,
    ),
  );
}
