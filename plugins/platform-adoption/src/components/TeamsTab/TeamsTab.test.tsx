import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';
import { rollups } from '../../__testUtils__/fixtures';
import { responseError } from '../../__testUtils__/responseError';

const row = (name: string) =>
  screen.getByRole('link', { name }).closest('tr') as HTMLElement;

describe('TeamsTab', () => {
  it('shows the org tree with figures rolled up and a stage per unit', async () => {
    const { api } = renderPlatformPage('/platform-adoption/mongodb/teams');
    const table = await screen.findByRole('table', { name: 'MongoDB by org unit' });
    expect(api.getRollups).toHaveBeenCalledWith({ platform: 'mongodb' });

    const company = within(table).getByText('Whole company').closest('tr') as HTMLElement;
    expect(within(company).getAllByRole('cell').map(c => c.textContent)).toEqual([
      'Whole company', '7', '6', '1', '3', '2', '0', 'Multi-team',
    ]);
    const digital = row('Digital');
    expect(within(digital).getAllByRole('cell').map(c => c.textContent)).toEqual([
      'Digitaldepartment', '3', '2', '1', '2', '2', '0', 'Multi-team',
    ]);
    // Departments show; their teams wait until the department is expanded.
    expect(screen.queryByRole('link', { name: 'Digital Channels' })).not.toBeInTheDocument();
  });

  it('expands a department to its teams from the keyboard', async () => {
    renderPlatformPage('/platform-adoption/mongodb/teams');
    const expand = await screen.findByRole('button', { name: 'Expand Digital' });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    expand.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('link', { name: 'Digital Channels' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Collapse Digital' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(row('Branch Experience')).getByText('First team')).toBeInTheDocument();
  });

  it('finds a team with the units above it', async () => {
    renderPlatformPage('/platform-adoption/mongodb/teams');
    await userEvent.type(await screen.findByLabelText('Find a team'), 'branch');
    expect(screen.getByRole('link', { name: 'Branch Experience' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Digital' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Data & Analytics' })).not.toBeInTheDocument();
  });

  it('sorts units by a column', async () => {
    renderPlatformPage('/platform-adoption/mongodb/teams');
    await userEvent.click(await screen.findByRole('button', { name: 'Expand all' }));
    await userEvent.click(screen.getByRole('button', { name: 'Org unit' }));
    const names = screen
      .getAllByRole('link')
      .map(l => l.textContent)
      .filter(n => ['Digital Channels', 'Branch Experience'].includes(n ?? ''));
    expect(names).toEqual(['Branch Experience', 'Digital Channels']);
  });

  it('opens a team’s deployments, sub-teams included, from its name', async () => {
    const { api } = renderPlatformPage('/platform-adoption/mongodb/teams');
    await userEvent.click(await screen.findByRole('link', { name: 'Digital' }));
    expect(await screen.findByRole('tab', { name: 'Deployments', selected: true })).toBeInTheDocument();
    expect(await screen.findByText('Team: Digital and sub-teams')).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenLastCalledWith(
      expect.objectContaining({ platform: 'mongodb', team: 'group:default/digital' }),
    );
  });

  it('adds conformance per unit while a standard is in force', async () => {
    const api = createFakeApi({
      getRollups: async () => ({
        ...rollups,
        items: rollups.items.map(r => ({
          ...r,
          conformance: r.orgRef === 'group:default/treasury' ? null : { conforming: 3, production: 6 },
        })),
      }),
    });
    renderPlatformPage('/platform-adoption/mongodb/teams', { api });
    const table = await screen.findByRole('table', { name: 'MongoDB by org unit' });
    expect(within(table).getByRole('columnheader', { name: 'Conforming' })).toBeInTheDocument();
    const company = within(table).getByText('Whole company').closest('tr') as HTMLElement;
    expect(within(company).getAllByRole('cell')[7]).toHaveTextContent('3 of 6 (50%)');
  });

  it('says so when no team runs the platform', async () => {
    const api = createFakeApi({ getRollups: async () => ({ items: [], orgUnits: [] }) });
    renderPlatformPage('/platform-adoption/mongodb/teams', { api });
    expect(await screen.findByText('No team runs MongoDB yet')).toBeInTheDocument();
  });

  it('shows what failed instead of an empty tree', async () => {
    const api = createFakeApi({
      getRollups: async () => {
        throw await responseError(500, 'rollups unavailable');
      },
    });
    renderPlatformPage('/platform-adoption/mongodb/teams', { api });
    expect(await screen.findByText('Could not load the team rollups')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
