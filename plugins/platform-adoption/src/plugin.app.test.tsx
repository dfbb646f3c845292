import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { platformAdoptionApiRef } from './api';
import { createFakeApi } from './__testUtils__/fakeApi';
import { platformAdoptionPlugin } from './plugin';

// The plugin as an app installs it: its page extension, its own routing,
// and the page layout the app wraps around it.
function renderApp(path: string) {
  const api = createFakeApi();
  renderTestApp({
    features: [platformAdoptionPlugin],
    initialRouteEntries: [path],
    // Every portal has the catalog; its entity pages are what refs link to.
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [
      [platformAdoptionApiRef, api],
      mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
    ],
  });
  return api;
}

describe('Platform Adoption in an app', () => {
  it('serves the overview at /platform-adoption', async () => {
    renderApp('/platform-adoption');
    expect(await screen.findByRole('heading', { name: 'Adoption overview' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'MongoDB' })).toBeInTheDocument();
  });

  it('routes from a platform card to its tabs and back', async () => {
    const api = renderApp('/platform-adoption');
    await userEvent.click(await screen.findByRole('link', { name: 'MongoDB' }));
    const tabs = await screen.findByRole('tablist', { name: 'MongoDB views' });
    await userEvent.click(within(tabs).getByRole('tab', { name: 'Deployments' }));
    expect(await screen.findByRole('table', { name: 'Deployments' })).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenCalledWith(expect.objectContaining({ platform: 'mongodb' }));
    await userEvent.click(screen.getByRole('link', { name: /All platforms/ }));
    expect(await screen.findByRole('heading', { name: 'Adoption overview' })).toBeInTheDocument();
  });

  it('opens a deep link to a filtered tab', async () => {
    const api = renderApp('/platform-adoption/mongodb/deployments?facet=backup:none');
    expect(await screen.findByRole('table', { name: 'Deployments' })).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenCalledWith(
      expect.objectContaining({ facets: [{ facet: 'backup', value: 'none' }] }),
    );
  });
});
