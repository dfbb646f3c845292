import type { FindingReason } from '@platform-adoption/plugin-platform-adoption-common';
import { describeRule, explainReason, facetTitlesOf, reasonSentence } from './reasons';

const consensusReason: FindingReason = {
  facet: 'backup',
  value: 'none',
  consensus: 'continuous',
  support: { count: 11, of: 13 },
  direction: 'worse',
  contribution: 0.6,
  basis: 'consensus',
};

describe('reason sentences', () => {
  it('gives a consensus reason with the peers behind it', () => {
    expect(reasonSentence(consensusReason)).toBe('backup: none — 11 of 13 peers: continuous');
  });

  it('says what a better value beats', () => {
    expect(
      reasonSentence({ ...consensusReason, value: 'continuous', consensus: 'snapshot', direction: 'better' }),
    ).toBe('backup: continuous — better than the consensus (11 of 13 peers: snapshot)');
  });

  it('states the broken pair rule with its confidence and support', () => {
    const reason: FindingReason = {
      ...consensusReason,
      basis: 'pair-rule',
      consensus: 'continuous',
      support: { count: 19, of: 20 },
      rule: {
        if: { facet: 'hosting', value: 'atlas' },
        then: { facet: 'backup', value: 'continuous' },
        support: 20,
        confidence: 0.95,
      },
    };
    expect(reasonSentence(reason)).toBe(
      'backup: none — hosting atlas ⇒ backup continuous (95% of 20)',
    );
  });

  it('says when the consensus itself is below the standard', () => {
    const reason: FindingReason = {
      facet: 'authentication',
      value: 'none',
      consensus: 'scram',
      support: { count: 9, of: 13 },
      direction: 'worse',
      contribution: 1,
      basis: 'standard',
    };
    expect(explainReason(reason)).toBe(
      'consensus below standard; the standard is scram (9 of 13 peers fall short of it too)',
    );
    expect(explainReason({ ...reason, direction: 'better', value: 'scram', consensus: 'none' })).toBe(
      'meets the standard where the consensus is below it (9 of 13 peers: none)',
    );
  });

  it('names facets by their titles when the platform gives them', () => {
    const titles = facetTitlesOf([
      { id: 'backup', title: 'Backup', kind: 'ordinal', weight: 1 },
      { id: 'hosting', title: 'Hosting', kind: 'nominal', weight: 0 },
    ]);
    expect(reasonSentence(consensusReason, titles)).toBe('Backup: none — 11 of 13 peers: continuous');
    expect(
      describeRule(
        { if: { facet: 'hosting', value: 'atlas' }, then: { facet: 'tls', value: true }, support: 8, confidence: 1 },
        titles,
      ),
    ).toBe('Hosting atlas ⇒ tls true (100% of 8)');
  });
});
