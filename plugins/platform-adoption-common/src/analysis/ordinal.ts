import { FacetDefinition } from '../domain/platform';
import { betterRank } from './standards';
import { FacetTally, TallyMode } from './tally';

/**
 * The consensus of an ordered facet is a level, not a mode: the best level
 * that at least `minShare` of the peers meet or exceed. "6 of 10 have at
 * least snapshot backups" is agreement, even when 4 of them have snapshots
 * and 2 continuous — the mode of such a split says nothing. The level's
 * representative value is its most held one; its strength is the share
 * that meets it.
 */
export function ordinalConsensus(
  facet: FacetDefinition,
  tally: FacetTally,
  self: { key: string; weight: number } | undefined,
  minShare: number,
): TallyMode | undefined {
  if (!facet.better) return undefined;
  const values = tally.values(self);
  const ranked = values.filter(v => betterRank(facet, v.value) !== undefined);
  if (!ranked.length || ranked.length !== values.length) return undefined; // a value off the order: use the mode
  const total = values.reduce((s, v) => s + v.weight, 0);
  for (let tier = facet.better.length - 1; tier >= 0; tier--) {
    const meeting = ranked.filter(v => betterRank(facet, v.value)! >= tier);
    const weight = meeting.reduce((s, v) => s + v.weight, 0);
    if (weight / total + 1e-9 < minShare) continue;
    const atTier = ranked
      .filter(v => betterRank(facet, v.value) === tier)
      .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key))[0];
    if (!atTier) continue; // nobody holds this exact level: the level below describes them
    return { key: atTier.key, value: atTier.value, weight, total, distinct: values.length, strength: weight / total };
  }
  return undefined;
}
