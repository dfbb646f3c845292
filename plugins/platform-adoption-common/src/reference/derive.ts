import { PlatformSummary } from '../api/responses';
import { FacetRequirement, Finding } from '../analysis/types';
import { FacetBar } from '../analysis/distributions';
import { betterRank, describeRequirement } from '../analysis/standards';
import { parseVersion, versionLine } from '../analysis/versions';
import { FacetScalar } from '../domain/deployment';
import { FacetDefinition, PlatformDefinition } from '../domain/platform';
import { ReferenceArchitectureContent } from '../domain/reference';

/** Why a proposed requirement is what it is. */
export interface ProposalEvidence {
  facet: string;
  requirement: string;
  source: 'consensus' | 'standard';
  support: { count: number; of: number };
  /** The deployments that already meet it. */
  deploymentIds: string[];
}

/** A better value some deployments already run: offered, not imposed. */
export interface ProposedUpgrade {
  facet: string;
  value: FacetScalar;
  requirement: FacetRequirement;
  deploymentIds: string[];
  note: string;
}

export interface ReferenceProposal {
  content: ReferenceArchitectureContent;
  evidence: ProposalEvidence[];
  upgrades: ProposedUpgrade[];
}

/** Facets worth standardising: weighty, not context, not client libraries. */
const standardisable = (f: FacetDefinition) => !f.context && f.weight >= 0.2 && !f.id.startsWith('client');

function requirementFor(facet: FacetDefinition, value: FacetScalar, observed: FacetScalar[]): FacetRequirement {
  // Peers agree on a major version; the standard asks for at least it.
  if (facet.kind === 'version') return { versionRange: `>=${parseVersion(value)?.major ?? value}` };
  const rank = betterRank(facet, value);
  if (rank !== undefined) {
    // Anything at least as good as the consensus meets the standard.
    const atLeast = observed.filter(v => (betterRank(facet, v) ?? -1) >= rank);
    return atLeast.length > 1 ? { oneOf: atLeast } : { equals: value };
  }
  return { equals: value };
}

/**
 * Proposes a reference architecture from the fleet itself: per facet the
 * peers' consensus (or the standard where the consensus falls below it),
 * each with its support and the deployments behind it; the positive
 * deviants' better values are offered as upgrades for the CoE to accept.
 */
export function deriveReference(
  platform: PlatformDefinition,
  /** With the fleet's bars and the deployments behind each (`facetDistributions`). */
  summary: Omit<PlatformSummary, 'distributions'> & { distributions: Record<string, FacetBar[]> },
  positiveDeviants: Finding[],
  ownerRef: string,
): ReferenceProposal {
  const facets: ReferenceArchitectureContent['facets'] = {};
  const evidence: ProposalEvidence[] = [];
  for (const facet of platform.facets.filter(standardisable)) {
    const consensus = summary.consensus.find(c => c.facet === facet.id);
    if (!consensus) continue;
    const bars = summary.distributions[facet.id] ?? [];
    const observed = bars.map(b => b.value as FacetScalar).map(v => parseObserved(facet, v));
    let requirement: FacetRequirement;
    let source: ProposalEvidence['source'] = 'consensus';
    if (consensus.standard) {
      source = 'standard';
      const acceptable = observed.filter(
        v => !(facet.unacceptable ?? []).includes(v as string | boolean) && (betterRank(facet, v) ?? 1) > 0,
      );
      requirement = acceptable.length ? { oneOf: acceptable } : { equals: String(consensus.standard.value) };
    } else {
      requirement = requirementFor(facet, consensus.value, observed);
    }
    facets[facet.id] = {
      requirement,
      rationale:
        source === 'standard'
          ? `Most deployments run ${String(consensus.value)}, which is below the standard.`
          : `${consensus.support.count} of ${consensus.support.of} deployments already run ${String(consensus.value)}.`,
    };
    const meets = bars.filter(b => matches(requirement, parseObserved(facet, b.value)));
    evidence.push({
      facet: facet.id,
      requirement: describeRequirement(requirement),
      source,
      support: consensus.support,
      deploymentIds: meets.flatMap(b => b.deploymentIds),
    });
  }

  const upgrades = new Map<string, ProposedUpgrade>();
  for (const finding of positiveDeviants) {
    for (const reason of finding.reasons.filter(r => r.direction === 'better')) {
      const facet = platform.facets.find(f => f.id === reason.facet);
      if (!facet || !standardisable(facet)) continue;
      const key = `${reason.facet}\n${JSON.stringify(reason.value)}`;
      const upgrade = upgrades.get(key) ?? {
        facet: reason.facet,
        value: reason.value,
        requirement: facet.kind === 'version' ? { versionRange: `>=${versionLine(reason.value)}` } : { equals: reason.value },
        deploymentIds: [],
        note: `Better than the consensus (${String(reason.consensus)}); positive deviants already run it.`,
      };
      upgrade.deploymentIds.push(...(finding.deploymentIds ?? [finding.deploymentId]));
      upgrades.set(key, upgrade);
    }
  }

  return {
    content: {
      title: `${platform.title} reference architecture`,
      rationale: `Derived from ${summary.deployments} ${platform.title} deployments: the configuration most teams already share.`,
      ownerRef,
      facets,
      variants: [],
      practices: [],
    },
    evidence,
    upgrades: [...upgrades.values()],
  };
}

/** Distribution bars are strings; facets are typed. */
function parseObserved(facet: FacetDefinition, value: FacetScalar): FacetScalar {
  if (facet.kind === 'boolean') return value === 'true' || value === true;
  if (facet.kind === 'numeric' && value !== 'unknown' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

function matches(requirement: FacetRequirement, value: FacetScalar): boolean {
  if ('equals' in requirement) return requirement.equals === value;
  if ('oneOf' in requirement) return requirement.oneOf.includes(value);
  return true;
}
