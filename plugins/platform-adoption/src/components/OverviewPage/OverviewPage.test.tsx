import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { completedScan, overview, scanStatus } from '../../__testUtils__/fixtures';
import { renderView } from '../../__testUtils__/renderView';
import { responseError } from '../../__testUtils__/responseError';
import { OverviewPage } from './OverviewPage';

describe('OverviewPage', () => {
  it('shows a card per platform with its stage, figures, conformance and shadow adoption', async () => {
    renderView(<OverviewPage />);

    const card = await screen.findByRole('region', { name: 'MongoDB' });
    const inCard = within(card);
    expect(inCard.getByText('Multi-team')).toBeInTheDocument();
    expect(
      inCard.getByText(/11 teams run 15 production deployments; no reference architecture is published/),
    ).toBeInTheDocument();
    expect(inCard.getByRole('link', { name: 'Deployments: 22' })).toHaveAttribute(
      'href',
      '/mongodb/deployments',
    );
    expect(inCard.getByRole('link', { name: 'Snowflakes: 6' })).toBeInTheDocument();
    expect(inCard.getByRole('link', { name: 'Positive deviants: 1' })).toBeInTheDocument();
    expect(inCard.getByText('Production').nextSibling).toHaveTextContent('15');
    expect(inCard.getByText('Non-production').nextSibling).toHaveTextContent('7');
    expect(inCard.getByText(/no reference architecture published yet/i)).toBeInTheDocument();
    expect(card).toHaveTextContent(
      'Shadow adoption: found in 4 repositories with nothing declared in the catalog.',
    );
    expect(card).toHaveTextContent('Declared by 2 Resources with no configuration found');

    const unused = await screen.findByRole('region', { name: 'Apache Kafka' });
    expect(unused).toHaveTextContent(/No deployments found/);
  });

  it('shows each platform’s trend from its history', async () => {
    const { api } = renderView(<OverviewPage />);
    const card = await screen.findByRole('region', { name: 'MongoDB' });
    expect(
      await within(card).findByRole('img', { name: 'Trend: Conformance 40% → 60% from 2026-11-02 to 2026-11-04' }),
    ).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith({ platform: 'mongodb', from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // No history for a platform nobody runs is asked for.
    expect(api.getHistory).not.toHaveBeenCalledWith(expect.objectContaining({ platform: 'kafka' }));
    expect(within(card).getByRole('link', { name: 'Progress' })).toHaveAttribute('href', '/mongodb/progress');
  });

  it('shows deployments as the trend while no standard is measured', async () => {
    const api = createFakeApi({
      getHistory: async () => ({
        series: [1, 2].map(n => ({
          day: `2026-11-0${n}`,
          metrics: {
            deployments: 20 + n, production: 15, teams: 14, conforming: null, conformance: null,
            referenceVersion: null, snowflakes: 8, positiveDeviants: 1, distinctVersions: 3, goldenPath: 0,
          },
        })),
        events: [],
      }),
    });
    renderView(<OverviewPage />, { api });
    expect(
      await screen.findByRole('img', { name: 'Trend: Deployments 21 → 22 from 2026-11-01 to 2026-11-02' }),
    ).toBeInTheDocument();
  });

  it('says when the last scan ran and what it read', async () => {
    renderView(<OverviewPage />);
    expect(await screen.findByText(/Last scan finished/)).toHaveTextContent(
      '49 deployments · 226 repositories (44 read, 180 unchanged) · took 12 s',
    );
    expect(screen.getByText(/2 repositories could not be read/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '3 problems' })).toBeInTheDocument();
  });

  it('lists a scan’s problems on request', async () => {
    const api = createFakeApi({
      listScanProblems: async () => ({
        items: [
          {
            source: 'https://git.fernhill.example/ledger-archive/',
            file: 'helm/values.yaml',
            message: 'YAML parse error at line 4',
          },
        ],
      }),
    });
    renderView(<OverviewPage />, { api });
    await userEvent.click(await screen.findByRole('button', { name: '3 problems' }));
    const dialog = await screen.findByRole('dialog', { name: 'Problems in scan 7' });
    expect(await within(dialog).findByText('YAML parse error at line 4')).toBeInTheDocument();
    expect(api.listScanProblems).toHaveBeenCalledWith(7, { limit: 200 });
  });

  it('warns when the last scan failed and when results are old', async () => {
    const api = createFakeApi({
      getScanStatus: async () => ({
        current: { ...completedScan, finishedAt: '2020-01-01T00:00:00.000Z' },
        running: null,
        lastFailed: {
          id: 8,
          status: 'failed',
          trigger: 'schedule',
          startedAt: '2020-01-02T00:00:00.000Z',
          error: 'catalog unreachable',
        },
      }),
    });
    renderView(<OverviewPage />, { api });
    expect(await screen.findByText(/failed: catalog unreachable/)).toBeInTheDocument();
    expect(screen.getByText(/the scheduler may have stopped/)).toBeInTheDocument();
  });

  it('explains what happens before the first scan', async () => {
    const api = createFakeApi({
      getOverview: async () => ({ generation: null, platforms: overview.platforms.map(p => ({ ...p, rollup: null })) }),
      getScanStatus: async () => ({ current: null, running: null, lastFailed: null }),
    });
    renderView(<OverviewPage />, { api });
    expect(await screen.findByText('No scan has finished yet')).toBeInTheDocument();
    expect(
      screen.getByText(/looking for deployments of MongoDB, Apache Kafka.*The first scan starts shortly after the backend starts/),
    ).toBeInTheDocument();
  });

  it('says the first scan is running while it runs', async () => {
    const api = createFakeApi({
      getOverview: async () => ({ generation: null, platforms: [] }),
      getScanStatus: async () => ({
        current: null,
        running: { id: 1, status: 'running', trigger: 'schedule', startedAt: new Date().toISOString() },
        lastFailed: null,
      }),
    });
    renderView(<OverviewPage />, { api });
    expect(await screen.findByText(/The first scan is running/)).toBeInTheDocument();
  });

  it('shows what failed and what to do instead of a blank page', async () => {
    const api = createFakeApi({
      getOverview: async () => {
        throw await responseError(503, 'backend unreachable');
      },
    });
    renderView(<OverviewPage />, { api });
    expect(await screen.findByText('Could not load the adoption overview')).toBeInTheDocument();
    expect(screen.getByText('backend unreachable')).toBeInTheDocument();
    expect(screen.getByText(/ask the portal team to check the backend logs/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('tells a reader without read permission whom to ask', async () => {
    const api = createFakeApi({
      getOverview: async () => {
        throw await responseError(403, 'not allowed');
      },
    });
    renderView(<OverviewPage />, { api });
    expect(await screen.findByText(/Ask a portal administrator for the platform-adoption.read permission/)).toBeInTheDocument();
  });

  it('offers Scan now to people allowed to trigger scans, and starts one', async () => {
    const api = createFakeApi();
    renderView(<OverviewPage />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Scan now' }));
    expect(api.triggerScan).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Scan started/)).toBeInTheDocument();
    await waitFor(() => expect(api.getScanStatus.mock.calls.length).toBeGreaterThan(1));
  });

  it('says so when a scan is already running', async () => {
    const api = createFakeApi({
      triggerScan: async () => {
        throw await responseError(409, 'a scan is already running');
      },
    });
    renderView(<OverviewPage />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Scan now' }));
    expect(await screen.findByText(/A scan is already running; the page updates when it finishes/)).toBeInTheDocument();
  });

  it('disables Scan now while a scan runs', async () => {
    const api = createFakeApi({
      getScanStatus: async () => ({
        ...scanStatus,
        running: { id: 8, status: 'running', trigger: 'manual', startedAt: new Date().toISOString() },
      }),
    });
    renderView(<OverviewPage />, { api });
    expect(await screen.findByRole('button', { name: 'Scan running…' })).toBeDisabled();
    expect(screen.getByText(/A manual scan is running/)).toBeInTheDocument();
  });

  it('names a running push scan as one', async () => {
    const api = createFakeApi({
      getScanStatus: async () => ({
        ...scanStatus,
        running: { id: 9, status: 'running', trigger: 'push', startedAt: new Date().toISOString() },
      }),
    });
    renderView(<OverviewPage />, { api });
    expect(await screen.findByText(/A scan of pushed repositories is running/)).toBeInTheDocument();
  });
});
