import { platformBasePath } from './PlatformPage';

describe('platformBasePath', () => {
  it('strips the tab and anything below it', () => {
    expect(platformBasePath('/platform-adoption/mongodb/deployments', 'deployments')).toBe('/platform-adoption/mongodb');
    expect(platformBasePath('/platform-adoption/mongodb/', '')).toBe('/platform-adoption/mongodb');
    expect(platformBasePath('/pa/mongodb/teams/x/', 'teams/x/')).toBe('/pa/mongodb');
    expect(platformBasePath('/platform-adoption/mongodb', undefined)).toBe('/platform-adoption/mongodb');
  });
});
