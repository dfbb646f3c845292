import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { PlatformAdoptionApi, platformAdoptionApiRef } from '../../api';
import { OverviewPage } from './OverviewPage';

function renderWith(api: Partial<PlatformAdoptionApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformAdoptionApiRef, api]]}>
      <OverviewPage />
    </TestApiProvider>,
  );
}

describe('OverviewPage', () => {
  it('tells the visitor that nothing has been scanned yet', async () => {
    await renderWith({ getHealth: async () => ({ status: 'ok' }) });
    expect(
      await screen.findByText('No platform deployments yet'),
    ).toBeInTheDocument();
  });

  it('shows the backend error instead of a blank page', async () => {
    await renderWith({
      getHealth: async () => {
        throw new Error('backend unreachable');
      },
    });
    expect(
      (await screen.findAllByText(/backend unreachable/)).length,
    ).toBeGreaterThan(0);
  });
});
