import { screen } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { proposal, referenceOverview } from '../../__testUtils__/fixtures';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';

// In a file of its own: the permission hook caches answers per module, and
// ReferenceTab.test.tsx runs as a CoE lead.
describe('ReferenceTab for readers', () => {
  it('shows the standard, its history and diffs, and no management controls', async () => {
    const api = createFakeApi({
      getReference: async () => ({
        ...referenceOverview,
        draft: {
          ...proposal.content,
          platform: 'mongodb',
          updatedAt: '2026-11-20T10:00:00.000Z',
          updatedBy: 'user:default/tamsin.raman',
        },
      }),
    });
    renderPlatformPage('/platform-adoption/mongodb/reference', { api, allow: false });
    expect(await screen.findByRole('table', { name: 'Requirements of version 2' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Changes from version 1 to version 2' })).toBeInTheDocument();
    expect(screen.getByText(/The center of excellence is preparing the next version/)).toBeInTheDocument();

    expect(screen.queryByRole('region', { name: 'Workbench' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Derive from fleet' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retire/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Exemptions' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Values for Authentication')).not.toBeInTheDocument();
    expect(api.listExemptions).not.toHaveBeenCalled();
    expect(api.deriveReference).not.toHaveBeenCalled();
  });
});
