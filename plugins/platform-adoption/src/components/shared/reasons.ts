import type {
  FacetDefinition,
  FacetScalar,
  FindingReason,
  PairRule,
} from '@platform-adoption/plugin-platform-adoption-common';
import { formatFacetValue, formatPercent, formatNumber } from './format';

/** Facet id → title, so sentences name facets the way the platform does. */
export type FacetTitles = (facetId: string) => string;

/** Titles from a platform's facet definitions, falling back to the id. */
export function facetTitlesOf(facets: FacetDefinition[] = []): FacetTitles {
  const titles = new Map(facets.map(f => [f.id, f.title]));
  return id => titles.get(id) ?? id;
}

const noTitles: FacetTitles = id => id;

function pair(titles: FacetTitles, facet: string, value: FacetScalar) {
  return `${titles(facet)} ${formatFacetValue(value)}`;
}

/** "hosting atlas ⇒ backup continuous (95% of 20)". */
export function describeRule(rule: PairRule, titles: FacetTitles = noTitles) {
  return `${pair(titles, rule.if.facet, rule.if.value)} ⇒ ${pair(
    titles,
    rule.then.facet,
    rule.then.value,
  )} (${formatPercent(rule.confidence)} of ${formatNumber(rule.support)})`;
}

/**
 * Why a facet value stands out, without the facet and value themselves:
 * the numbers behind the consensus, the broken rule, or the standard.
 */
export function explainReason(
  reason: FindingReason,
  titles: FacetTitles = noTitles,
): string {
  const peers = `${formatNumber(reason.support.count)} of ${formatNumber(
    reason.support.of,
  )} peers`;
  const consensus = formatFacetValue(reason.consensus);
  switch (reason.basis) {
    case 'pair-rule':
      return reason.rule
        ? describeRule(reason.rule, titles)
        : `a mined rule expects ${consensus} (${peers})`;
    case 'standard':
      return reason.direction === 'better'
        ? `meets the standard where the consensus is below it (${peers}: ${consensus})`
        : `consensus below standard; the standard is ${consensus} (${peers} fall short of it too)`;
    case 'consensus':
    default:
      return reason.direction === 'better'
        ? `better than the consensus (${peers}: ${consensus})`
        : `${peers}: ${consensus}`;
  }
}

/**
 * A reason in one sentence, e.g. "backup: none — 11 of 13 peers: continuous"
 * or "backup: none — hosting atlas ⇒ backup continuous (95% of 20)".
 */
export function reasonSentence(
  reason: FindingReason,
  titles: FacetTitles = noTitles,
): string {
  return `${titles(reason.facet)}: ${formatFacetValue(
    reason.value,
  )} — ${explainReason(reason, titles)}`;
}
