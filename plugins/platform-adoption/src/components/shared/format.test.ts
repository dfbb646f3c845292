import {
  formatDuration,
  formatFacetValue,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  humanize,
  pluralize,
  shortRef,
  stageLabel,
} from './format';

describe('format', () => {
  it('formats counts and shares for people', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatPercent(0.954)).toBe('95%');
    expect(formatPercent(0.5, 1)).toBe('50.0%');
    expect(pluralize(1, 'deployment')).toBe('1 deployment');
    expect(pluralize(12345, 'deployment')).toBe('12,345 deployments');
    expect(pluralize(2, 'repository', 'repositories')).toBe('2 repositories');
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(formatRelativeTime('2026-11-23T11:59:50Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-11-23T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-11-23T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-22T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-11-13T12:00:00Z', now)).toBe('last week');
    expect(formatRelativeTime('not a date', now)).toBe('not a date');
  });

  it('formats durations', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });

  it('shows facet values verbatim except numbers', () => {
    expect(formatFacetValue('7.0')).toBe('7.0');
    expect(formatFacetValue(true)).toBe('true');
    expect(formatFacetValue(1500)).toBe('1,500');
    expect(formatFacetValue(undefined)).toBe('—');
  });

  it('shortens entity refs and names stages', () => {
    expect(shortRef('group:default/payments')).toBe('payments');
    expect(shortRef('group:ops/payments')).toBe('ops/payments');
    expect(shortRef('*')).toBe('Whole company');
    expect(shortRef(undefined)).toBe('—');
    expect(stageLabel('first-team')).toBe('First team');
    expect(stageLabel('enterprise-standard')).toBe('Enterprise standard');
    expect(humanize('customer-insights')).toBe('Customer insights');
  });
});
