import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The backend package's side of the reliability summary `scripts/test.sh`
 * prints: the same JSON files, in the same folder, as
 * plugins/platform-adoption-backend/src/__testUtils__/reliabilityReport.ts
 * writes (a package does not import another's test utilities), summed up by
 * scripts/lib/reliability-summary.mjs.
 */
export type ReliabilityCategory = 'badInputs' | 'faults' | 'secrets' | 'requests';

const REPORT_DIR =
  process.env.PLATFORM_ADOPTION_RELIABILITY_DIR ?? resolve(__dirname, '../../../../../test-results/reliability');

/**
 * Counts for one file and category: `tried` when a fault is injected or a
 * request sent, `handled` once the test saw it survived or answered as it
 * should. What was tried but never confirmed counts as failed, so a test
 * that throws half-way reports its failures too.
 */
export function reliabilityTally(name: string, category: ReliabilityCategory) {
  const counts = { tried: 0, handled: 0 };
  return {
    tried(n = 1) {
      counts.tried += n;
    },
    handled(n = 1) {
      counts.handled += n;
    },
    /** Both at once, for what is checked as it is sent. */
    add(tried: number, failed: number) {
      counts.tried += tried;
      counts.handled += tried - failed;
    },
    write() {
      mkdirSync(REPORT_DIR, { recursive: true });
      const file = join(REPORT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.${category}.json`);
      writeFileSync(
        file,
        JSON.stringify({ name, category, tried: counts.tried, failed: counts.tried - counts.handled }),
      );
    },
  };
}
