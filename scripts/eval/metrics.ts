import { Plant } from './fleet';

export interface Ranking {
  /** Deployment ids, most anomalous first. */
  order: string[];
  /** Deployments the method reports as snowflakes (for the decoy rate). */
  flagged: Set<string>;
  /** Deployments the method offers as positive deviants. */
  exemplars: Set<string>;
  /** Facets named to explain a deployment, most important first. */
  explanation: (id: string) => string[];
}

export interface Metrics {
  precisionAtK: number;
  recallAtK: number;
  averagePrecision: number;
  hitAt3: number;
  decoyFalsePositiveRate: number;
  exemplarPrecision: number;
}

/**
 * The evaluation's measures, at k = the number of planted snowflakes:
 * precision and recall of the top k, average precision over the whole
 * ranking, how often the planted facet is among the first three reasons,
 * the share of decoys reported, and the share of offered exemplars that
 * are the planted positive deviants.
 */
export function measure(ranking: Ranking, plants: Plant[]): Metrics {
  const snowflakes = plants.filter(p => p.kind !== 'decoy' && p.kind !== 'exemplar');
  const planted = new Set(snowflakes.map(p => p.id));
  const k = planted.size;
  const top = ranking.order.slice(0, k);
  const hits = top.filter(id => planted.has(id)).length;

  let found = 0;
  let precisionSum = 0;
  ranking.order.forEach((id, i) => {
    if (planted.has(id)) {
      found += 1;
      precisionSum += found / (i + 1);
    }
  });

  const explained = snowflakes.filter(p => ranking.explanation(p.id).slice(0, 3).includes(p.facet)).length;
  const decoys = plants.filter(p => p.kind === 'decoy');
  const exemplarIds = new Set(plants.filter(p => p.kind === 'exemplar').map(p => p.id));
  const offered = [...ranking.exemplars];

  return {
    precisionAtK: k ? hits / k : 0,
    recallAtK: k ? hits / k : 0,
    averagePrecision: k ? precisionSum / k : 0,
    hitAt3: k ? explained / k : 0,
    decoyFalsePositiveRate: decoys.length ? decoys.filter(d => ranking.flagged.has(d.id)).length / decoys.length : 0,
    exemplarPrecision: offered.length ? offered.filter(id => exemplarIds.has(id)).length / offered.length : 0,
  };
}
