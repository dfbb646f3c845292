// Prints "<passed> <failed>" from a Jest or Playwright JSON report, so the
// test script can add them up. A missing report means the runner crashed:
// that is one failure, never zero tests passed silently.
import { readFileSync } from 'node:fs';

const [kind, file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log('0 1');
  process.exit(0);
}
if (kind === 'jest') {
  const suiteFailures = report.numRuntimeErrorTestSuites ?? 0;
  console.log(`${report.numPassedTests} ${report.numFailedTests + suiteFailures}`);
} else {
  const s = report.stats ?? {};
  const errors = (report.errors ?? []).length;
  console.log(`${(s.expected ?? 0) + (s.flaky ?? 0)} ${(s.unexpected ?? 0) + errors}`);
}
