import { FacetScalar } from '../domain/deployment';
import { FacetKind } from '../domain/platform';
import { parseVersion } from './versions';

/**
 * The key two values agree on: versions by major ("7.0.14" and "7.2" agree
 * on 7 — minor releases are drift, not a different decision), everything
 * else by exact value and type.
 */
export function agreementKey(kind: FacetKind, value: FacetScalar): string {
  if (kind === 'version') {
    const version = parseVersion(value);
    return `v:${version ? version.major : String(value)}`;
  }
  return JSON.stringify(value);
}

interface Entry {
  value: FacetScalar;
  weight: number;
}

/** The mode of a tally, with what a reader needs to judge it. */
export interface TallyMode {
  key: string;
  value: FacetScalar;
  weight: number;
  total: number;
  distinct: number;
  strength: number;
}

/**
 * Weighted value counts of one facet in one peer group. Weights are below 1
 * for near-duplicates, so ten copies of one file count once.
 */
export class FacetTally {
  private readonly entries = new Map<string, Entry>();
  total = 0;

  add(key: string, value: FacetScalar, weight: number) {
    const entry = this.entries.get(key);
    if (entry) entry.weight += weight;
    else this.entries.set(key, { value, weight });
    this.total += weight;
  }

  /** Every value with its weight, one deployment's own left out. */
  values(without?: { key: string; weight: number }): Array<{ key: string; value: FacetScalar; weight: number }> {
    return [...this.entries.entries()]
      .map(([key, e]) => ({ key, value: e.value, weight: without && without.key === key ? e.weight - without.weight : e.weight }))
      .filter(e => e.weight > 1e-9);
  }

  weightOf(key: string, without?: { key: string; weight: number }) {
    const w = this.entries.get(key)?.weight ?? 0;
    return without && without.key === key ? w - without.weight : w;
  }

  /**
   * The most held value, leaving one deployment's own value out: a
   * deployment is judged by its peers, not by itself. Ties go to the
   * smaller key so results never depend on input order.
   */
  mode(without?: { key: string; weight: number }): TallyMode | undefined {
    let best: (Entry & { key: string }) | undefined;
    let total = 0;
    const weights: number[] = [];
    for (const [key, entry] of this.entries) {
      const weight = without && without.key === key ? entry.weight - without.weight : entry.weight;
      if (weight <= 1e-9) continue;
      total += weight;
      weights.push(weight);
      if (!best || weight > best.weight + 1e-9 || (Math.abs(weight - best.weight) <= 1e-9 && key < best.key)) {
        best = { key, value: entry.value, weight };
      }
    }
    if (!best) return undefined;
    const distinct = weights.length;
    let entropy = 0;
    for (const w of weights) {
      const p = w / total;
      entropy -= p * Math.log2(p);
    }
    const strength = distinct <= 1 ? 1 : 1 - entropy / Math.log2(distinct);
    return { key: best.key, value: best.value, weight: best.weight, total, distinct, strength };
  }

  /** Laplace-smoothed probability of a key among the peers. */
  smoothedShare(key: string, mode: TallyMode, without?: { key: string; weight: number }) {
    const own = Math.max(0, this.weightOf(key, without));
    const distinct = mode.distinct + (own > 0 ? 0 : 1);
    return (own + 1) / (mode.total + distinct);
  }
}
