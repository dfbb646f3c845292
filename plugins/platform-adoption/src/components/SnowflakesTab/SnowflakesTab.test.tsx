import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { summary } from '../../__testUtils__/fixtures';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';
import { responseError } from '../../__testUtils__/responseError';

const section = (name: RegExp) =>
  screen.getByRole('heading', { name }).closest('section') as HTMLElement;

describe('SnowflakesTab', () => {
  it('ranks snowflakes, each reason in words and numbers', async () => {
    renderPlatformPage('/platform-adoption/mongodb/snowflakes');
    await screen.findByRole('heading', { name: 'Snowflakes (2)' });
    const snowflakes = within(section(/^Snowflakes/)).getAllByRole('article');
    expect(snowflakes.map(a => within(a).getByRole('heading').textContent)).toEqual([
      'notification-preferences-mongodb',
      'branch-appointments',
    ]);
    const first = snowflakes[0];
    expect(first).toHaveTextContent('#1');
    expect(first).toHaveTextContent('score 0.61');
    expect(first).toHaveTextContent('compared with 13 peers sharing environment production');
    expect(first).toHaveTextContent('Backup: none — 11 of 13 peers: snapshot (55% of the score)');
    expect(first).toHaveTextContent('TLS: false — Hosting atlas ⇒ TLS true (95% of 20)');
    expect(snowflakes[1]).toHaveTextContent(
      'Authentication: none — consensus below standard; the standard is scram (9 of 13 peers fall short of it too)',
    );
  });

  it('lists positive deviants as candidates for the standard', async () => {
    renderPlatformPage('/platform-adoption/mongodb/snowflakes');
    await screen.findByRole('heading', { name: 'Positive deviants (1)' });
    const deviants = section(/^Positive deviants/);
    expect(deviants).toHaveTextContent('candidates for the standard');
    expect(deviants).toHaveTextContent('fraud-cases');
    expect(deviants).toHaveTextContent('Backup: continuous — better than the consensus (11 of 13 peers: snapshot)');
  });

  it('groups team conventions by team', async () => {
    renderPlatformPage('/platform-adoption/mongodb/snowflakes');
    await screen.findByRole('heading', { name: 'Team conventions (1)' });
    const conventions = section(/^Team conventions/);
    const team = within(conventions).getByRole('article');
    expect(within(team).getByRole('heading')).toHaveTextContent('customer-insights');
    expect(team).toHaveTextContent('Topology: standalone — 12 of 13 peers: replicaset');
    expect(team).toHaveTextContent(
      'Shared by all 3 deployments of the team: campaign-attribution-mongodb, clickstream-enricher-mongodb, customer-segmentation-mongodb',
    );
    expect(within(team).getByRole('link', { name: 'All deployments of this team' })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments?team=group%3Adefault%2Fcustomer-insights',
    );
  });

  it('filters findings by what they mention', async () => {
    renderPlatformPage('/platform-adoption/mongodb/snowflakes');
    await userEvent.type(await screen.findByRole('textbox', { name: 'Filter findings' }), 'authentication');
    expect(screen.getByRole('heading', { name: 'Snowflakes (1)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Positive deviants (0)' })).toBeInTheDocument();
    expect(screen.getByText('No positive deviant matches the filter.')).toBeInTheDocument();
  });

  it('opens a snowflake’s deployment in place', async () => {
    const api = createFakeApi();
    renderPlatformPage('/platform-adoption/mongodb/snowflakes', { api });
    await userEvent.click(await screen.findByRole('link', { name: 'notification-preferences-mongodb' }));
    expect(await screen.findByRole('table', { name: 'Facets and their evidence' })).toBeInTheDocument();
    expect(api.getDeployment).toHaveBeenCalledWith('b2');
    // The list stays where it was, behind the drawer.
    expect(screen.getByRole('tab', { name: 'Snowflakes', selected: true, hidden: true })).toBeInTheDocument();
  });

  it('says when nothing stands out', async () => {
    const api = createFakeApi({ listFindings: async () => ({ items: [] }) });
    renderPlatformPage('/platform-adoption/mongodb/snowflakes', { api });
    expect(await screen.findByText(/No snowflakes: every deployment follows its peers/)).toBeInTheDocument();
    expect(screen.getByText(/No deployment is better than its peers/)).toBeInTheDocument();
  });

  it('explains why a small fleet is not scored', async () => {
    const api = createFakeApi({
      listFindings: async () => ({ items: [] }),
      getPlatformSummary: async () => ({ summary: { ...summary, scored: false, deployments: 3 } }),
    });
    renderPlatformPage('/platform-adoption/mongodb/snowflakes', { api });
    expect(await screen.findByText(/too few deployments to compare \(3; at least 5 peers are needed\)/)).toBeInTheDocument();
  });

  it('shows what failed', async () => {
    const api = createFakeApi({
      listFindings: async () => {
        throw await responseError(503, 'analysis not ready');
      },
    });
    renderPlatformPage('/platform-adoption/mongodb/snowflakes', { api });
    expect(await screen.findByText('Could not load the findings')).toBeInTheDocument();
    expect(screen.getByText('analysis not ready')).toBeInTheDocument();
  });
});
