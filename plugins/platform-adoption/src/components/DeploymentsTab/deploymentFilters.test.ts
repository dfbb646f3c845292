import {
  deploymentsLink,
  isFiltered,
  parseFacetFilter,
  readFilters,
  toQuery,
  withFacet,
  writeFilters,
} from './deploymentFilters';

describe('deployment filters in the URL', () => {
  it('reads filters, sort and page size', () => {
    const filters = readFilters(
      new URLSearchParams(
        'team=group:default/digital&facet=backup:none&facet=tls:false&q=orders&sort=facet:version&order=desc&size=100&environment=production',
      ),
    );
    expect(filters).toEqual({
      team: 'group:default/digital',
      system: undefined,
      entity: undefined,
      environment: 'production',
      search: 'orders',
      facets: [
        { facet: 'backup', value: 'none' },
        { facet: 'tls', value: 'false' },
      ],
      sort: 'facet:version',
      order: 'desc',
      pageSize: 100,
    });
    expect(isFiltered(filters)).toBe(true);
  });

  it('falls back to defaults for what it does not understand', () => {
    const filters = readFilters(new URLSearchParams('sort=drop table&size=7&facet=nocolon'));
    expect(filters.sort).toBe('name');
    expect(filters.order).toBe('asc');
    expect(filters.pageSize).toBe(50);
    expect(filters.facets).toEqual([]);
    expect(isFiltered(filters)).toBe(false);
  });

  it('keeps colons inside facet values', () => {
    expect(parseFacetFilter('image:mongo:7.0')).toEqual({ facet: 'image', value: 'mongo:7.0' });
  });

  it('writes filters without touching other parameters', () => {
    const params = writeFilters(
      { facets: [{ facet: 'backup', value: 'none' }], sort: 'name', order: 'asc', pageSize: 50 },
      new URLSearchParams('deployment=b2&team=group:default/x'),
    );
    expect(params.toString()).toBe('deployment=b2&facet=backup%3Anone');
  });

  it('round-trips', () => {
    const search = 'team=group%3Adefault%2Fdigital&q=orders&facet=backup%3Anone&sort=team&order=desc';
    expect(writeFilters(readFilters(new URLSearchParams(search))).toString()).toBe(search);
  });

  it('turns filters into the API query', () => {
    const filters = readFilters(new URLSearchParams('facet=backup:none&team=group:default/x'));
    expect(toQuery('mongodb', filters)).toMatchObject({
      platform: 'mongodb',
      team: 'group:default/x',
      facets: [{ facet: 'backup', value: 'none' }],
      sort: 'name',
      order: 'asc',
      limit: 50,
    });
  });

  it('links to a filtered Deployments tab', () => {
    expect(deploymentsLink('/platform-adoption/mongodb', { team: 'group:default/x' })).toBe(
      '/platform-adoption/mongodb/deployments?team=group%3Adefault%2Fx',
    );
    expect(deploymentsLink('/platform-adoption/mongodb')).toBe('/platform-adoption/mongodb/deployments');
  });

  it('adds a facet filter once', () => {
    const filters = readFilters(new URLSearchParams('facet=backup:none'));
    expect(withFacet(filters, { facet: 'backup', value: 'none' })).toBe(filters);
    expect(withFacet(filters, { facet: 'backup', value: 'snapshot' }).facets).toHaveLength(2);
  });

  it('keeps servers-only and declared-only in the URL and the query', () => {
    const filters = readFilters(new URLSearchParams('kind=server&declared=false'));
    expect(filters).toMatchObject({ kind: 'server', declared: false });
    expect(isFiltered(filters)).toBe(true);
    expect(writeFilters(filters).toString()).toBe('kind=server&declared=false');
    expect(toQuery('mongodb', filters)).toMatchObject({ kind: 'server', declared: false });
    expect(readFilters(new URLSearchParams('kind=everything&declared=maybe'))).toMatchObject({
      kind: undefined,
      declared: undefined,
    });
  });
});
