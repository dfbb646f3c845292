import { compareVersions, parseVersion } from '@platform-adoption/plugin-platform-adoption-common';
import type { HistoryResponse } from '../../api';
import { dayTime } from '../ProgressTab/progressData';

/** Beyond this many version lines, the oldest are summed as "older". */
export const MAX_LINES = 6;
export const OLDER = 'older';

export interface VersionSpread {
  /** Newest first; `OLDER` last when lines were folded. */
  lines: string[];
  /** One row per day, oldest first: `time` and deployments per line. */
  rows: Array<{ day: string; time: number } & Record<string, number | string>>;
}

const byVersionDescending = (a: string, b: string) =>
  compareVersions(parseVersion(b) ?? { major: -1 }, parseVersion(a) ?? { major: -1 });

/**
 * The history's deployments per version line as chart rows. Lines are
 * ordered newest first so the stack reads like a release history; points
 * recorded before version lines were kept are left out rather than drawn
 * as zero.
 */
export function versionSpread(history: HistoryResponse): VersionSpread {
  const points = history.series.filter(p => p.metrics.versionLines);
  const totals = new Map<string, number>();
  for (const p of points) {
    for (const [line, count] of Object.entries(p.metrics.versionLines!)) {
      totals.set(line, (totals.get(line) ?? 0) + count);
    }
  }
  const all = [...totals.keys()].sort(byVersionDescending);
  const kept = all.length > MAX_LINES ? all.slice(0, MAX_LINES - 1) : all;
  const folded = new Set(all.filter(line => !kept.includes(line)));
  const lines = folded.size ? [...kept, OLDER] : kept;

  const rows = points
    .map(p => {
      const row: VersionSpread['rows'][number] = { day: p.day, time: dayTime(p.day) };
      for (const line of lines) row[line] = 0;
      for (const [line, count] of Object.entries(p.metrics.versionLines!)) {
        const key = folded.has(line) ? OLDER : line;
        row[key] = (row[key] as number) + count;
      }
      return row;
    })
    .sort((a, b) => a.time - b.time);
  return { lines, rows };
}

/** "7.0: 14, 6.0: 4, 4.4: 4" for the latest day, as a text alternative. */
export function latestSpreadText(spread: VersionSpread): string {
  const last = spread.rows[spread.rows.length - 1];
  if (!last) return 'no version recorded yet';
  return spread.lines.map(line => `${line}: ${last[line]}`).join(', ');
}
