/**
 * The `platform-adoption` command: scans a folder of repositories for
 * platform deployments with the same detectors as the backend.
 *
 * @packageDocumentation
 */
import { runCommandLine } from './run';

runCommandLine(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
}).then(exitCode => {
  // Not process.exit(): that can cut off output still being written to a pipe.
  process.exitCode = exitCode;
});
