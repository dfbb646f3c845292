/**
 * Bounds that keep one hostile or accidental file (a vendored blob, a YAML
 * alias bomb, a generated 50 MB manifest) from stalling a whole scan.
 *
 * @public
 */
export interface ParseLimits {
  /** Files larger than this are skipped with a problem. Default 1 MiB. */
  maxFileBytes: number;
  /**
   * How many alias dereferences one YAML document may make, nested ones
   * included. A billion-laughs document needs millions; real files a few dozen.
   */
  maxAliasCount: number;
  /** Total nodes one YAML document may expand to, aliases expanded. */
  maxNodes: number;
  /** Deepest nesting of maps and lists accepted in one document. */
  maxDepth: number;
}

/** @public */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileBytes: 1024 * 1024,
  maxAliasCount: 1000,
  maxNodes: 500_000,
  maxDepth: 100,
};

/** @public */
export function parseLimits(overrides?: Partial<ParseLimits>): ParseLimits {
  return { ...DEFAULT_PARSE_LIMITS, ...overrides };
}
