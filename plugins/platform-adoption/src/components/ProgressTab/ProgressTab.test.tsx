import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { campaign } from '../../__testUtils__/fixtures';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';
import { responseError } from '../../__testUtils__/responseError';

// Runs as a CoE lead; readers are in ProgressTab.reader.test.tsx, since
// permission answers are cached per module.

const PATH = '/platform-adoption/mongodb/progress';

describe('ProgressTab', () => {
  it('charts conformance and snowflakes for the whole company, with publications marked', async () => {
    const { api } = renderPlatformPage(PATH);
    expect(
      await screen.findByRole('img', {
        name: 'Conformance from 40% on 2026-11-02 to 60% on 2026-11-04; v1 published 2026-11-02, v2 published 2026-11-04',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Snowflakes from 8 on 2026-11-01 to 6 on 2026-11-04; v1 published/ }),
    ).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith({ platform: 'mongodb', org: undefined });
  });

  it('charts one org unit, chosen from the org tree', async () => {
    const { api } = renderPlatformPage(PATH);
    const select = await screen.findByLabelText('Org unit');
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Digital (department)' })).toBeInTheDocument());
    await userEvent.selectOptions(select, 'group:default/digital');
    await waitFor(() =>
      expect(api.getHistory).toHaveBeenLastCalledWith({ platform: 'mongodb', org: 'group:default/digital' }),
    );
    expect(api.getRollups).toHaveBeenCalledWith({ platform: 'mongodb' });
  });

  it('says when there is no history yet, or no standard to measure', async () => {
    const api = createFakeApi({ getHistory: async () => ({ series: [], events: [] }) });
    renderPlatformPage(PATH, { api });
    expect(await screen.findByText('No history for the whole company yet')).toBeInTheDocument();
  });

  it('says when no standard was in force', async () => {
    const api = createFakeApi({
      getHistory: async () => ({
        series: [
          {
            day: '2026-11-01',
            metrics: {
              deployments: 20, production: 15, teams: 14, conforming: null, conformance: null, referenceVersion: null,
              snowflakes: 8, positiveDeviants: 1, distinctVersions: 3, goldenPath: 0,
            },
          },
        ],
        events: [],
      }),
    });
    renderPlatformPage(PATH, { api });
    expect(await screen.findByText(/No standard was in force in this period/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Snowflakes: 8 on 2026-11-01' })).toBeInTheDocument();
  });

  it('shows what failed', async () => {
    const api = createFakeApi({
      getHistory: async () => {
        throw await responseError(500, 'history unavailable');
      },
      listCampaigns: async () => {
        throw await responseError(500, 'campaigns unavailable');
      },
    });
    renderPlatformPage(PATH, { api });
    expect(await screen.findByText('Could not load the history')).toBeInTheDocument();
    expect(await screen.findByText('Could not load the campaigns')).toBeInTheDocument();
  });

  it('lists campaigns, and shows one’s burn-down and who is behind', async () => {
    const { api } = renderPlatformPage(PATH);
    const table = await screen.findByRole('table', { name: 'MongoDB campaigns' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Everyone on reference v2 by March');
    expect(row).toHaveTextContent('Version 2');
    expect(row).toHaveTextContent('Digital, Data & Analytics');
    expect(within(row).getByText('Open')).toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Everyone on reference v2 by March' }));
    expect(await screen.findByRole('img', { name: /^Burn-down: 6 of 9 not conforming on 2026-11-02, 4 of 9 on 2026-11-04; target 0 by 2027-03-31/ })).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenCalledWith(campaign.id);
    expect(screen.getByText('147 days left')).toBeInTheDocument();
    const teams = screen.getByRole('table', { name: 'Teams in Everyone on reference v2 by March' });
    expect(within(teams).getAllByRole('row').slice(1).map(r => r.textContent)).toEqual([
      'customer-insights333Behind',
      'digital-channels124On track',
      'branch-experience012Done',
    ]);
    expect(screen.getByText('Teams (1 behind)')).toBeInTheDocument();
  });

  it('says when there are no campaigns', async () => {
    const api = createFakeApi({ listCampaigns: async () => ({ items: [] }) });
    renderPlatformPage(PATH, { api });
    expect(await screen.findByText(/No campaign yet/)).toBeInTheDocument();
  });

  it('starts a campaign with a title, target version, scope and deadline', async () => {
    const { api } = renderPlatformPage(PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Start a campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start a MongoDB campaign' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Start campaign' }));
    expect(within(dialog).getByText('Name the campaign')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one org unit')).toBeInTheDocument();
    expect(api.createCampaign).not.toHaveBeenCalled();

    within(dialog).getByLabelText('Title').focus();
    await userEvent.paste('TLS everywhere');
    expect(within(dialog).getByLabelText('Target version')).toHaveValue('2');
    await userEvent.selectOptions(within(dialog).getByLabelText('Target version'), '1');
    await userEvent.click(within(dialog).getByLabelText('Scope'));
    await userEvent.click(await screen.findByRole('option', { name: 'Digital' }));
    const deadline = within(dialog).getByLabelText('Deadline');
    await userEvent.clear(deadline);
    deadline.focus();
    await userEvent.paste('2099-06-30');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Start campaign' }));

    await waitFor(() =>
      expect(api.createCampaign).toHaveBeenCalledWith({
        platform: 'mongodb',
        title: 'TLS everywhere',
        targetVersion: 1,
        scope: ['group:default/digital'],
        deadline: '2099-06-30',
      }),
    );
    // The new campaign opens.
    await waitFor(() => expect(api.getCampaign).toHaveBeenCalledWith('2c9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bee'));
  });

  it('closes a campaign after asking', async () => {
    const { api } = renderPlatformPage(`${PATH}?campaign=${campaign.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Close campaign' }));
    const dialog = await screen.findByRole('dialog', { name: `Close “${campaign.title}”?` });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close campaign' }));
    await waitFor(() => expect(api.closeCampaign).toHaveBeenCalledWith(campaign.id));
  });
});
