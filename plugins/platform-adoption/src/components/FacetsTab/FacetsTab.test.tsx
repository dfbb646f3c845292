import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { history } from '../../__testUtils__/fixtures';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';
import { responseError } from '../../__testUtils__/responseError';

describe('FacetsTab', () => {
  it('charts each facet with the consensus marked and counts linked', async () => {
    renderPlatformPage('/platform-adoption/mongodb/facets');
    const backup = await screen.findByRole('region', { name: 'Backup' });
    expect(backup).toHaveTextContent('Consensus: snapshot (16 of 22)');
    expect(within(backup).getByRole('img')).toHaveAccessibleName('Backup: snapshot 16, none 5, continuous 1');
    expect(within(backup).getByText(/snapshot:/).closest('li')).toHaveTextContent('snapshot: 16 deployments (consensus)');
    expect(within(backup).getByRole('link', { name: '5 deployments with Backup none' })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments?facet=backup%3Anone',
    );
  });

  it('says when the consensus is below the standard', async () => {
    renderPlatformPage('/platform-adoption/mongodb/facets');
    const auth = await screen.findByRole('region', { name: 'Authentication' });
    expect(auth).toHaveTextContent(
      'Consensus: none (12 of 22) — consensus below standard; the standard is scram',
    );
  });

  it('links version lines to their releases, sorted by version', async () => {
    renderPlatformPage('/platform-adoption/mongodb/facets');
    const version = await screen.findByRole('region', { name: 'Server version' });
    expect(within(version).getByRole('link', { name: '18 deployments with Server version 7.0' })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments?facet=version%3A7.0&sort=facet%3Aversion&order=desc',
    );
    expect(version).toHaveTextContent('Versions are grouped by release line');
  });

  it('names facets no server deployment has a value for, instead of charting them', async () => {
    renderPlatformPage('/platform-adoption/mongodb/facets');
    await screen.findByRole('region', { name: 'Backup' });
    expect(screen.queryByRole('region', { name: 'Client library' })).not.toBeInTheDocument();
    expect(screen.getByText(/Not known for any server deployment: .*Client library/)).toBeInTheDocument();
  });

  it('opens the deployments behind a bar, filtered', async () => {
    const api = createFakeApi();
    renderPlatformPage('/platform-adoption/mongodb/facets', { api });
    await userEvent.click(await screen.findByRole('link', { name: '1 deployment with Backup continuous' }));
    expect(await screen.findByRole('tab', { name: 'Deployments', selected: true })).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenLastCalledWith(
      expect.objectContaining({ facets: [{ facet: 'backup', value: 'continuous' }] }),
    );
  });

  it('says no scan has finished before the first one', async () => {
    const api = createFakeApi({ getPlatformSummary: async () => ({ summary: null }) });
    renderPlatformPage('/platform-adoption/mongodb/facets', { api });
    expect(await screen.findByText('No scan has finished yet')).toBeInTheDocument();
  });

  it('shows what failed', async () => {
    const api = createFakeApi({
      getPlatformSummary: async () => {
        throw await responseError(500, 'summary missing');
      },
    });
    renderPlatformPage('/platform-adoption/mongodb/facets', { api });
    expect(await screen.findByText('Could not load the facet distributions')).toBeInTheDocument();
  });

  it('stacks the version lines over time, newest first', async () => {
    renderPlatformPage('/platform-adoption/mongodb/facets');
    const spread = await screen.findByRole('region', { name: 'Version spread over time' });
    expect(await within(spread).findByRole('img')).toHaveAccessibleName('MongoDB versions on 2026-11-04: 7.0: 13, 6.0: 5, 4.4: 4');
  });

  it('says when no version has been recorded, and when the history failed', async () => {
    const { versionLines: _, ...old } = history.series[0].metrics;
    const empty = createFakeApi({ getHistory: async () => ({ series: [{ day: '2026-10-01', metrics: old }], events: [] }) });
    const { unmount } = renderPlatformPage('/platform-adoption/mongodb/facets', { api: empty });
    expect(await screen.findByText(/No version recorded yet/)).toBeInTheDocument();
    unmount();

    const failing = createFakeApi({
      getHistory: async () => {
        throw await responseError(503, 'history unavailable');
      },
    });
    renderPlatformPage('/platform-adoption/mongodb/facets', { api: failing });
    expect(await screen.findByText('Could not load the version history')).toBeInTheDocument();
    // The facet charts do not depend on the history.
    expect(screen.getByRole('region', { name: 'Backup' })).toBeInTheDocument();
  });
});
