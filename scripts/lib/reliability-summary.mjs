// Adds up what the reliability tests recorded (see
// plugins/platform-adoption-backend/src/__testUtils__/reliabilityReport.ts)
// and prints one line per category.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const totals = {
  badInputs: { label: 'bad inputs', tried: 'tried', failed: 'not handled' },
  faults: { label: 'faults', tried: 'injected', failed: 'not survived' },
  secrets: { label: 'secrets', tried: 'planted', failed: 'leaked' },
  requests: { label: 'requests', tried: 'sent', failed: 'failed' },
};
const sums = Object.fromEntries(Object.keys(totals).map(k => [k, { tried: 0, failed: 0, files: 0 }]));
if (dir && existsSync(dir)) {
  for (const file of readdirSync(dir).filter(f => f.endsWith('.json'))) {
    const record = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const sum = sums[record.category];
    if (!sum) continue;
    sum.tried += record.tried;
    sum.failed += record.failed;
    sum.files += 1;
  }
}
console.log('== reliability summary');
for (const [key, { label, tried, failed }] of Object.entries(totals)) {
  const sum = sums[key];
  console.log(`   ${label}: ${sum.tried} ${tried}, ${sum.failed} ${failed} (${sum.files} test files)`);
}
