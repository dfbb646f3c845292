/**
 * Versions as the analysis compares them: numeric parts, so "7.0.14" and
 * "7.0" share a major and minor, and "4.4" is three majors behind "7.0".
 */
export interface ParsedVersion {
  major: number;
  minor?: number;
  patch?: number;
}

export function parseVersion(value: unknown): ParsedVersion | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/i.exec(text.trim());
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: match[2] === undefined ? undefined : Number(match[2]),
    patch: match[3] === undefined ? undefined : Number(match[3]),
  };
}

/** Negative when `a` is older than `b`; parts one side does not state are not compared. */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== undefined && b.minor !== undefined && a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== undefined && b.patch !== undefined) return a.patch - b.patch;
  return 0;
}

/**
 * How far apart two versions are for the snowflake score: a major counts
 * 1.0, a minor 0.3, a patch 0.05, capped at 1.
 */
export function versionDistance(a: ParsedVersion, b: ParsedVersion): number {
  if (a.major !== b.major) return Math.min(1, Math.abs(a.major - b.major));
  if (a.minor !== undefined && b.minor !== undefined && a.minor !== b.minor) {
    return Math.min(1, 0.3 * Math.abs(a.minor - b.minor));
  }
  if (a.patch !== undefined && b.patch !== undefined && a.patch !== b.patch) {
    return Math.min(1, 0.05 * Math.abs(a.patch - b.patch));
  }
  return 0;
}

/** The release line a version belongs to ("7.0.14" → "7.0"), which is what a fleet agrees on. */
export function versionLine(value: unknown): string | undefined {
  const v = parseVersion(value);
  if (!v) return undefined;
  return v.minor === undefined ? String(v.major) : `${v.major}.${v.minor}`;
}
