import { FacetDefinition } from '../domain/platform';
import { agreementKey } from './tally';
import { AnalysisDeployment } from './types';

/**
 * A platform's deployments with every agreement key computed once and
 * numbered per facet, so tallies, rule mining and rule checks compare small
 * integers instead of parsing versions and stringifying values again for
 * every peer group and every pair of facets.
 */
export interface EncodedFleet {
  deployments: AnalysisDeployment[];
  facets: FacetDefinition[];
  /** `keyIds[f][i]`: the number of deployment i's agreement key on facet f; -1 when it states none. */
  keyIds: Int32Array[];
  /** `keyNames[f][k]`: the agreement key numbered k on facet f. */
  keyNames: string[][];
  /** `valueIds[f][i]`: the number of deployment i's exact value on facet f; -1 when it states none. */
  valueIds: Int32Array[];
  /** Each deployment's near-duplicate weight. */
  weights: Float64Array;
  /** The number of each deployment's weight among the distinct weights, and how many there are. */
  weightIds: Int32Array;
  distinctWeights: number;
}

export function encodeFleet(
  deployments: AnalysisDeployment[],
  facets: FacetDefinition[],
  weights: Map<string, number>,
): EncodedFleet {
  const keyIds: Int32Array[] = [];
  const keyNames: string[][] = [];
  const valueIds: Int32Array[] = [];
  for (const facet of facets) {
    const ids = new Int32Array(deployments.length);
    const names: string[] = [];
    const values = new Int32Array(deployments.length);
    // A value's key is computed once, however many deployments hold it.
    const byValue = new Map<unknown, { value: number; key: number }>();
    const numbers = new Map<string, number>();
    for (let i = 0; i < deployments.length; i++) {
      const value = deployments[i].facets[facet.id];
      if (value === undefined) {
        ids[i] = -1;
        values[i] = -1;
        continue;
      }
      let known = byValue.get(value);
      if (!known) {
        const key = agreementKey(facet.kind, value);
        let id = numbers.get(key);
        if (id === undefined) {
          id = names.length;
          numbers.set(key, id);
          names.push(key);
        }
        known = { value: byValue.size, key: id };
        byValue.set(value, known);
      }
      ids[i] = known.key;
      values[i] = known.value;
    }
    keyIds.push(ids);
    keyNames.push(names);
    valueIds.push(values);
  }
  const weightOf = new Float64Array(deployments.length);
  const weightIds = new Int32Array(deployments.length);
  const distinct = new Map<number, number>();
  for (let i = 0; i < deployments.length; i++) {
    const weight = weights.get(deployments[i].id) ?? 1;
    weightOf[i] = weight;
    let id = distinct.get(weight);
    if (id === undefined) {
      id = distinct.size;
      distinct.set(weight, id);
    }
    weightIds[i] = id;
  }
  return { deployments, facets, keyIds, keyNames, valueIds, weights: weightOf, weightIds, distinctWeights: distinct.size };
}
