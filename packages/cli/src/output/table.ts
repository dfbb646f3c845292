import { DirectoryScan, ScannedDeployment } from '../scanDirectory';

/** The facets a reader compares first across a fleet, in column order. */
const MAIN_FACETS = ['version', 'topology', 'backup', 'authentication', 'tls'];

const COLUMNS: Array<{
  title: string;
  cell: (deployment: ScannedDeployment) => string;
}> = [
  { title: 'REPOSITORY', cell: d => d.repository },
  { title: 'PLATFORM', cell: d => d.platform },
  { title: 'OWNER', cell: d => d.owner },
  ...MAIN_FACETS.map(facet => ({
    title: facet.toUpperCase(),
    cell: (d: ScannedDeployment) =>
      d.facets[facet] === undefined ? '-' : String(d.facets[facet].value),
  })),
];

/**
 * The deployments as an aligned table for people, one row each, with `-`
 * where a deployment has no value for a facet.
 */
export function formatTable(scan: DirectoryScan): string {
  if (scan.deployments.length === 0) {
    return `No deployments found in ${scan.repositories.length} repositories.\n`;
  }
  const rows = [
    COLUMNS.map(column => column.title),
    ...scan.deployments.map(deployment =>
      COLUMNS.map(column => column.cell(deployment)),
    ),
  ];
  const widths = COLUMNS.map((_, index) =>
    Math.max(...rows.map(row => row[index].length)),
  );
  return rows
    .map(row =>
      row
        .map((cell, index) => cell.padEnd(widths[index]))
        .join('  ')
        .trimEnd(),
    )
    .map(line => `${line}\n`)
    .join('');
}

/** Problems as lines for stderr, so the table on stdout stays a table. */
export function formatErrorLines(scan: DirectoryScan): string {
  return scan.errors
    .map(error => {
      const where = error.file
        ? `${error.repository}/${error.file}`
        : error.repository;
      // Detectors often start their message with the file's name already.
      const message =
        error.file && error.message.startsWith(`${error.file}: `)
          ? error.message.slice(error.file.length + 2)
          : error.message;
      return `warning: ${where}: ${message}\n`;
    })
    .join('');
}
