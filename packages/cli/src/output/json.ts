import { FacetValue } from '@platform-adoption/plugin-platform-adoption-common';
import { Finding, reportId } from '../findings';
import { DirectoryScan } from '../scanDirectory';

/** The JSON report on stdout; its shape is a contract with scripts and CI. */
export interface JsonReport {
  deployments: Array<{
    /** `<repository>#<deployment key>`: stable across scans of the same files. */
    id: string;
    platform: string;
    repository: string;
    owner: string;
    files: string[];
    facets: Record<string, FacetValue>;
  }>;
  findings: Finding[];
  errors: Array<{
    repository: string;
    /** Null when the problem is the repository's, not one file's. */
    file: string | null;
    message: string;
  }>;
}

export function toJsonReport(
  scan: DirectoryScan,
  findings: Finding[],
): JsonReport {
  return {
    deployments: scan.deployments.map(deployment => ({
      id: reportId(deployment),
      platform: deployment.platform,
      repository: deployment.repository,
      owner: deployment.owner,
      files: deployment.files,
      facets: deployment.facets,
    })),
    findings,
    errors: scan.errors.map(error => ({
      repository: error.repository,
      file: error.file ?? null,
      message: error.message,
    })),
  };
}

export function formatJson(report: JsonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
