import type {
  Deployment,
  FacetDefinition,
} from '@platform-adoption/plugin-platform-adoption-common';
import { CsvColumn } from '../shared/csv';
import { evidenceLabel } from '../shared/links';

/**
 * The columns of a deployment export: who and where, then each facet's
 * value and the file or entity field it was read from, so a spreadsheet
 * can be checked against the source.
 */
export function deploymentCsvColumns(
  facets: FacetDefinition[],
): CsvColumn<Deployment>[] {
  return [
    { header: 'id', value: d => d.id },
    { header: 'name', value: d => d.name },
    { header: 'platform', value: d => d.platform },
    { header: 'kind', value: d => d.kind },
    { header: 'team', value: d => d.teamRef },
    { header: 'owner', value: d => d.ownerRef },
    { header: 'entity', value: d => d.entityRef },
    { header: 'system', value: d => d.systemRef },
    { header: 'domain', value: d => d.domainRef },
    { header: 'environment', value: d => d.environment },
    { header: 'repository', value: d => d.repository },
    { header: 'declared by', value: d => d.declaredBy },
    { header: 'stale', value: d => (d.stale ? 'yes' : '') },
    { header: 'stale reason', value: d => d.staleReason },
    ...facets.flatMap((f): CsvColumn<Deployment>[] => [
      { header: f.title, value: d => d.facets[f.id]?.value },
      {
        header: `${f.title} (source)`,
        value: d => {
          const evidence = d.facets[f.id]?.evidence;
          return evidence ? evidenceLabel(evidence) : undefined;
        },
      },
    ]),
  ];
}
