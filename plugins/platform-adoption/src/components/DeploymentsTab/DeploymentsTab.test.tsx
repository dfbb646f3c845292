import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { mongodbDeployments } from '../../__testUtils__/fixtures';
import { mswBackend } from '../../__testUtils__/mswBackend';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';
import { responseError } from '../../__testUtils__/responseError';

const server = setupServer();
registerMswTestHooks(server);

const page = (items = mongodbDeployments, extra: object = {}) => ({
  items,
  totalCount: items.length,
  generation: 7,
  nextCursor: null,
  ...extra,
});

async function table() {
  return screen.findByRole('table', { name: 'Deployments' });
}

describe('DeploymentsTab', () => {
  it('lists deployments with their facets, unknown and redacted values set apart, stale rows explained', async () => {
    renderPlatformPage('/platform-adoption/mongodb/deployments');
    const rows = within(await table()).getAllByRole('row');
    const headers = within(rows[0]).getAllByRole('columnheader').map(h => h.textContent);
    expect(headers).toEqual([
      'Deployment', 'Team', 'Entity', 'Environment',
      'Server version', 'Hosting', 'Backup', 'Authentication', 'TLS', 'Topology',
    ]);
    expect(screen.getByRole('link', { name: 'fraud-cases' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Backup: continuous. Show where this value comes from' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Authentication: unknown. Show where this value comes from' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Authentication: <redacted>. Show where this value comes from' })).toBeInTheDocument();
    expect(
      screen.getByText(/Stale: could not read repository https:\/\/git.fernhill.example\/campaign-attribution-service\/: 503/),
    ).toBeInTheDocument();
    expect(screen.getByText('client usage (driver only)')).toBeInTheDocument();
    expect(screen.getByText('1–4 of 4')).toBeInTheDocument();
  });

  it('sends a facet filter picked in the filter bar to the backend', async () => {
    const { api, deploymentQueries } = mswBackend(server);
    renderPlatformPage('/platform-adoption/mongodb/deployments', { api });
    await table();
    expect(deploymentQueries[0].getAll('facet')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: /^Facet[\s\u200b]*$/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Backup' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Backup value' }), 'none');
    await userEvent.click(screen.getByRole('button', { name: 'Add filter' }));

    await waitFor(() => expect(deploymentQueries.at(-1)!.getAll('facet')).toEqual(['backup:none']));
    expect(deploymentQueries.at(-1)!.get('platform')).toBe('mongodb');
    const chip = screen.getByRole('button', { name: 'Backup: none' });
    expect(within(screen.getByRole('group', { name: 'Active filters' })).getByText('Backup: none')).toBeInTheDocument();

    chip.focus();
    await userEvent.keyboard('{Backspace}');
    await waitFor(() => expect(deploymentQueries.at(-1)!.getAll('facet')).toEqual([]));
  });

  it('shows a value’s evidence, linked to the file and line, and filters by it', async () => {
    const { api } = { api: createFakeApi() };
    renderPlatformPage('/platform-adoption/mongodb/deployments', { api });
    await table();
    await userEvent.click(screen.getByRole('button', { name: 'Backup: continuous. Show where this value comes from' }));
    const evidence = await screen.findByRole('dialog', { name: 'Evidence for Backup' });
    expect(within(evidence).getByRole('link', { name: /terraform\/atlas.tf:31/ })).toHaveAttribute(
      'href',
      'https://git.fernhill.example/fraud-case-manager/terraform/atlas.tf#L31',
    );
    await userEvent.click(within(evidence).getByRole('button', { name: 'Show only deployments with Backup: continuous' }));
    await waitFor(() =>
      expect(api.listDeployments).toHaveBeenLastCalledWith(
        expect.objectContaining({ facets: [{ facet: 'backup', value: 'continuous' }] }),
      ),
    );
  });

  it('explains unknown and redacted values', async () => {
    renderPlatformPage('/platform-adoption/mongodb/deployments');
    await table();
    await userEvent.click(screen.getByRole('button', { name: 'Authentication: <redacted>. Show where this value comes from' }));
    const evidence = await screen.findByRole('dialog', { name: 'Evidence for Authentication' });
    expect(evidence).toHaveTextContent('looked like a credential and was removed');
    expect(evidence).toHaveTextContent('a literal root password');
  });

  it('sorts on the server by any column, a second click reversing the order', async () => {
    const api = createFakeApi();
    renderPlatformPage('/platform-adoption/mongodb/deployments', { api });
    await table();
    await userEvent.click(screen.getByRole('button', { name: 'Backup' }));
    await waitFor(() =>
      expect(api.listDeployments).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'facet:backup', order: 'asc' })),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Backup' }));
    await waitFor(() =>
      expect(api.listDeployments).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'facet:backup', order: 'desc' })),
    );
    expect(screen.getByRole('columnheader', { name: 'Backup' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('pages with the cursor the backend gave, one page at a time', async () => {
    const api = createFakeApi({
      listDeployments: async query =>
        query.cursor
          ? page([mongodbDeployments[3]], { totalCount: 51, nextCursor: null })
          : page(mongodbDeployments.slice(0, 3), { totalCount: 51, nextCursor: 'cursor-2' }),
    });
    renderPlatformPage('/platform-adoption/mongodb/deployments', { api });
    expect(await screen.findByText('1–50 of 51')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('51–51 of 51')).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenLastCalledWith(expect.objectContaining({ cursor: 'cursor-2', limit: 50 }));
    expect(screen.getByRole('link', { name: 'aml-case-notes (driver)' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('1–50 of 51')).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenLastCalledWith(expect.objectContaining({ cursor: undefined }));
  });

  it('searches once typing pauses', async () => {
    const api = createFakeApi();
    renderPlatformPage('/platform-adoption/mongodb/deployments', { api });
    await table();
    await userEvent.type(screen.getByRole('textbox', { name: 'Search' }), 'fraud');
    await waitFor(() =>
      expect(api.listDeployments).toHaveBeenLastCalledWith(expect.objectContaining({ search: 'fraud' })),
    );
    expect(api.listDeployments).not.toHaveBeenCalledWith(expect.objectContaining({ search: 'fra' }));
  });

  it('reads filters from the address, so filtered lists can be shared', async () => {
    const api = createFakeApi();
    renderPlatformPage(
      '/platform-adoption/mongodb/deployments?team=group:default/customer-insights&environment=production&facet=tls:false',
      { api },
    );
    await table();
    expect(api.listDeployments).toHaveBeenCalledWith(
      expect.objectContaining({
        team: 'group:default/customer-insights',
        environment: 'production',
        facets: [{ facet: 'tls', value: 'false' }],
      }),
    );
    expect(await screen.findByText('Team: Customer Insights and sub-teams')).toBeInTheDocument();
    expect(screen.getByText('Environment: production')).toBeInTheDocument();
    expect(screen.getByText('TLS: false')).toBeInTheDocument();
  });

  it('offers to clear filters when nothing matches', async () => {
    const api = createFakeApi({
      listDeployments: async query => page(query.facets?.length ? [] : mongodbDeployments),
    });
    renderPlatformPage('/platform-adoption/mongodb/deployments?facet=backup:tape', { api });
    expect(await screen.findByText('No deployments match these filters')).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear all filters' })[0]);
    expect(await screen.findByRole('link', { name: 'fraud-cases' })).toBeInTheDocument();
  });

  it('says no scan has finished before the first one', async () => {
    const api = createFakeApi({
      listDeployments: async () => ({ items: [], totalCount: 0, generation: null, nextCursor: null }),
    });
    renderPlatformPage('/platform-adoption/mongodb/deployments', { api });
    expect(await screen.findByText('No scan has finished yet')).toBeInTheDocument();
  });

  it('says what failed, with the backend’s reason, and retries', async () => {
    let fail = true;
    const api = createFakeApi({
      listDeployments: async () => {
        if (fail) throw await responseError(400, 'facet must look like <facet>:<value>, e.g. backup:none');
        return page();
      },
    });
    renderPlatformPage('/platform-adoption/mongodb/deployments', { api });
    expect(await screen.findByText('Could not load the deployments')).toBeInTheDocument();
    expect(screen.getByText(/facet must look like <facet>:<value>/)).toBeInTheDocument();
    expect(screen.getByText(/Clear the filters and try again/)).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'fraud-cases' })).toBeInTheDocument();
  });

  it('opens a deployment with every facet and its source', async () => {
    const api = createFakeApi();
    renderPlatformPage('/platform-adoption/mongodb/deployments', { api });
    await userEvent.click(await screen.findByRole('link', { name: 'fraud-cases' }));
    const details = await screen.findByRole('table', { name: 'Facets and their evidence' });
    expect(api.getDeployment).toHaveBeenCalledWith('a1');
    expect(within(details).getByText('terraform/atlas.tf:31')).toBeInTheDocument();
    expect(within(details).getByText('Region')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close deployment details' }));
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Facets and their evidence' })).not.toBeInTheDocument());
  });

  it('lets people choose the facet columns', async () => {
    renderPlatformPage('/platform-adoption/mongodb/deployments');
    await table();
    await userEvent.click(screen.getByRole('button', { name: /Facet columns/ }));
    await userEvent.click(await screen.findByRole('menuitemcheckbox', { name: 'Region' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('columnheader', { name: 'Region' })).toBeInTheDocument();
  });

  it('exports every page of the current filter as CSV, with progress', async () => {
    const pages = [
      page(mongodbDeployments.slice(0, 2), { totalCount: 4, nextCursor: 'next' }),
      page(mongodbDeployments.slice(2), { totalCount: 4, nextCursor: null }),
    ];
    const api = createFakeApi({
      listDeployments: async query =>
        query.limit === 500 ? pages[query.cursor ? 1 : 0] : page(),
    });
    let blob: Blob | undefined;
    const createObjectURL = jest.fn((b: Blob) => {
      blob = b;
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    renderPlatformPage('/platform-adoption/mongodb/deployments?facet=hosting:kubernetes', { api });
    await table();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());

    expect(api.listDeployments).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 500, cursor: 'next', facets: [{ facet: 'hosting', value: 'kubernetes' }] }),
    );
    const text = await blob!.text();
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^id,name,platform,kind,team,/);
    expect(lines[0]).toContain('Backup,Backup (source)');
    expect(lines[1]).toContain('fraud-cases');
    expect(lines[1]).toContain('continuous,terraform/atlas.tf:31');
    expect(lines[4]).toContain('aml-case-notes (driver)');
    click.mockRestore();
  });
});
