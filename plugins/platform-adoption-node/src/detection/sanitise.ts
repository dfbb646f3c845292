import {
  DetectedDeployment,
  Evidence,
  FacetValue,
} from '@platform-adoption/plugin-platform-adoption-common';
import { redactCredential } from '../parsing/redaction';

/**
 * A deployment safe to store: every string a detector produced (facet
 * values, evidence notes, names) passed through credential redaction. Done
 * once here, for every detector, so none can leak a secret by mistake.
 */
export function sanitiseDeployment(
  deployment: DetectedDeployment,
): DetectedDeployment {
  const facets: Record<string, FacetValue> = {};
  for (const [id, facet] of Object.entries(deployment.facets)) {
    facets[id] = {
      value:
        typeof facet.value === 'string'
          ? redactCredential(id, facet.value)
          : facet.value,
      evidence: sanitiseEvidence(facet.evidence),
    };
  }
  return {
    ...deployment,
    key: redactCredential(undefined, deployment.key),
    name: redactCredential(undefined, deployment.name),
    facets,
  };
}

function sanitiseEvidence(evidence: Evidence): Evidence {
  if (evidence.note === undefined) return evidence;
  return { ...evidence, note: redactCredential(undefined, evidence.note) };
}
