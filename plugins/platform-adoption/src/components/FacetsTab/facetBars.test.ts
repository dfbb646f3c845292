import { barFilters, isConsensusBar, allUnknown } from './facetBars';

describe('facet bars', () => {
  const bar = (value: string) => ({ value, count: 1, deploymentIds: [] });
  const consensus = (value: string) => ({ facet: 'x', value, support: { count: 3, of: 4 }, strength: 0.5 });

  it('marks the consensus bar, versions by release line', () => {
    expect(isConsensusBar(bar('snapshot'), consensus('snapshot'))).toBe(true);
    expect(isConsensusBar(bar('7.0'), consensus('7.0.14'))).toBe(true);
    expect(isConsensusBar(bar('7'), consensus('70'))).toBe(false);
    expect(isConsensusBar(bar('none'), undefined)).toBe(false);
  });

  it('links a bar to the deployments with that value', () => {
    expect(barFilters({ id: 'backup', title: 'Backup', kind: 'ordinal', weight: 1 }, bar('none'))).toEqual({
      facets: [{ facet: 'backup', value: 'none' }],
    });
  });

  it('links a version line to that line’s releases, sorted by version', () => {
    expect(barFilters({ id: 'version', title: 'Version', kind: 'version', weight: 0.7 }, bar('7.0'))).toEqual({
      facets: [{ facet: 'version', value: '7.0' }],
      sort: 'facet:version',
      order: 'desc',
    });
  });

  it('knows a facet nobody has a value for', () => {
    expect(allUnknown([bar('unknown')])).toBe(true);
    expect(allUnknown(undefined)).toBe(true);
    expect(allUnknown([bar('unknown'), bar('x')])).toBe(false);
  });
});
