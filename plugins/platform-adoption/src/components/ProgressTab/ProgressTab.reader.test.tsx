import { screen } from '@testing-library/react';
import { campaign } from '../../__testUtils__/fixtures';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';

// In a file of its own: the permission hook caches answers per module.
describe('ProgressTab for readers', () => {
  it('shows history and campaigns, but offers no campaign management', async () => {
    const { api } = renderPlatformPage(`/platform-adoption/mongodb/progress?campaign=${campaign.id}`, {
      allow: false,
    });
    expect(await screen.findByRole('img', { name: /^Conformance from 40%/ })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Teams in Everyone on reference v2 by March' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start a campaign' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close campaign' })).not.toBeInTheDocument();
    expect(api.getReference).not.toHaveBeenCalled();
  });
});
