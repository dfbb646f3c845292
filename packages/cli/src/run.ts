import { Command, USAGE, UsageError, parseCommandLine } from './args';
import { detectorsFor } from './detectors';
import { analyseFleet } from './findings';
import { formatJson, toJsonReport } from './output/json';
import { formatErrorLines, formatTable } from './output/table';
import { listRepositoryFolders } from './repositoryFolders';
import { scanRepositories } from './scanDirectory';

/** Where the command writes; the process streams, or buffers in tests. */
export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes: the scan ran (even with per-file errors), the command line was unusable, or something broke. */
export const EXIT_SCANNED = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Runs `platform-adoption <argv…>` and returns the exit code. */
export async function runCommandLine(
  argv: string[],
  output: CommandOutput,
): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.name === 'help') {
      output.stdout(`${USAGE}\n`);
      return EXIT_SCANNED;
    }
    await runScan(command, output);
    return EXIT_SCANNED;
  } catch (error) {
    if (error instanceof UsageError) {
      // One line naming the argument at fault; --help shows the usage.
      output.stderr(`platform-adoption: ${error.message}\n`);
      return EXIT_USAGE;
    }
    output.stderr(
      `platform-adoption: the scan failed: ${(error as Error).message}\n`,
    );
    return EXIT_FAILED;
  }
}

async function runScan(
  command: Extract<Command, { name: 'scan' }>,
  output: CommandOutput,
): Promise<void> {
  // The folder first: a mistyped path should fail before any detector loads.
  const folders = await listRepositoryFolders(command.directory);
  const detectors = await detectorsFor(command);
  const scan = scanRepositories(folders, detectors);
  if (command.format === 'table') {
    output.stdout(formatTable(scan));
    output.stderr(formatErrorLines(scan));
  } else {
    const platforms = detectors.map(d => d.platform);
    output.stdout(
      formatJson(toJsonReport(scan, analyseFleet(scan.deployments, platforms))),
    );
  }
}
