import { screen } from '@testing-library/react';
import { renderView } from '../../__testUtils__/renderView';
import { OverviewPage } from '../OverviewPage';

// In a file of its own: the permission hook caches answers per module, and
// the other overview tests run as a user who may trigger scans.
describe('Scan now for readers', () => {
  it('is not offered to readers without the trigger permission', async () => {
    renderView(<OverviewPage />, { allow: false });
    await screen.findByRole('region', { name: 'MongoDB' });
    expect(await screen.findByText(/Last scan finished/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Scan now/ })).not.toBeInTheDocument();
  });
});
