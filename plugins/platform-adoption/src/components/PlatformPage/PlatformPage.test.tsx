import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';
import { responseError } from '../../__testUtils__/responseError';

describe('PlatformPage', () => {
  it('opens on the Teams tab with the platform’s header', async () => {
    renderPlatformPage('/platform-adoption/mongodb');
    expect(await screen.findByRole('heading', { name: 'MongoDB' })).toBeInTheDocument();
    expect(screen.getByText('MongoDB, Inc. · 22 deployments · 14 teams · 9 client usages')).toBeInTheDocument();
    const tabs = screen.getByRole('tablist', { name: 'MongoDB views' });
    expect(within(tabs).getByRole('tab', { name: 'Teams' })).toHaveAttribute('aria-selected', 'true');
    expect(within(tabs).getByRole('tab', { name: 'Deployments' })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments',
    );
    expect(await screen.findByRole('table', { name: 'MongoDB by org unit' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All platforms/ })).toHaveAttribute('href', '/platform-adoption');
    expect(within(tabs).getAllByRole('tab').map(t => t.textContent)).toEqual([
      'Teams', 'Deployments', 'Snowflakes', 'Facets', 'Reference architecture', 'Progress',
    ]);
    expect(within(tabs).getByRole('tab', { name: 'Reference architecture' })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/reference',
    );
  });

  it('switches tabs by link, so each view has its own URL', async () => {
    const { api } = renderPlatformPage('/platform-adoption/mongodb/teams');
    await userEvent.click(await screen.findByRole('tab', { name: 'Snowflakes' }));
    expect(await screen.findByRole('heading', { name: 'Snowflakes (2)' })).toBeInTheDocument();
    expect(api.listFindings).toHaveBeenCalledWith({ platform: 'mongodb' });
  });

  it('opens the reference architecture and progress tabs by their URLs', async () => {
    renderPlatformPage('/platform-adoption/mongodb/reference');
    expect(await screen.findByRole('tab', { name: 'Reference architecture', selected: true })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Requirements of version 2' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Progress' }));
    expect(await screen.findByRole('table', { name: 'MongoDB campaigns' })).toBeInTheDocument();
  });

  it('calls out shadow adoption with the repositories behind it', async () => {
    renderPlatformPage('/platform-adoption/mongodb/teams');
    const summary = await screen.findByText(/found in 1 repository with nothing declared/);
    expect(summary).toHaveTextContent(
      'Shadow adoption: MongoDB found in 1 repository with nothing declared; declared by 1 Resource with no configuration found.',
    );
    await userEvent.click(summary);
    const table = await screen.findByRole('table', { name: 'Repositories using the platform undeclared' });
    expect(within(table).getByRole('link', { name: /git.fernhill.example\/aml-case-notes/ })).toBeInTheDocument();
    expect(within(table).getByText('client library only')).toBeInTheDocument();
  });

  it('names the known platforms when the address names another', async () => {
    renderPlatformPage('/platform-adoption/oracle/teams');
    expect(await screen.findByText('No platform called “oracle”')).toBeInTheDocument();
    expect(screen.getByText(/tracks MongoDB \(mongodb\), PostgreSQL \(postgresql\)/)).toBeInTheDocument();
  });

  it('shows what failed when the platforms cannot be read', async () => {
    const api = createFakeApi({
      listPlatforms: async () => {
        throw await responseError(500, 'database is locked');
      },
    });
    renderPlatformPage('/platform-adoption/mongodb', { api });
    expect(await screen.findByText('Could not load the platform')).toBeInTheDocument();
    expect(screen.getByText('database is locked')).toBeInTheDocument();
  });

  it('is reached from the overview by the platform’s name', async () => {
    renderPlatformPage('/platform-adoption');
    await userEvent.click(await screen.findByRole('link', { name: 'MongoDB' }));
    expect(await screen.findByRole('tablist', { name: 'MongoDB views' })).toBeInTheDocument();
  });
});
