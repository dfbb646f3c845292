import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What the reliability tests tried, for the summary `scripts/test.sh` prints
 * (issue: "bad inputs tried, faults injected, secrets planted/leaked,
 * requests sent/failed"). Each test file records its own counts under its
 * own name; `scripts/lib/reliability-summary.mjs` adds them up.
 */
export type ReliabilityCategory = 'badInputs' | 'faults' | 'secrets' | 'requests';

export interface ReliabilityCounts {
  /** inputs tried, faults injected, secrets planted or requests sent */
  tried: number;
  /** inputs not handled, faults not survived, secrets leaked or requests failed */
  failed: number;
}

/** The folder `scripts/test.sh` reads; jest runs from the package folder. */
export const RELIABILITY_REPORT_DIR =
  process.env.PLATFORM_ADOPTION_RELIABILITY_DIR ?? resolve(__dirname, '../../../../test-results/reliability');

export function recordReliability(
  name: string,
  category: ReliabilityCategory,
  counts: ReliabilityCounts,
) {
  mkdirSync(RELIABILITY_REPORT_DIR, { recursive: true });
  const file = join(RELIABILITY_REPORT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.${category}.json`);
  writeFileSync(file, JSON.stringify({ name, category, ...counts }));
}
