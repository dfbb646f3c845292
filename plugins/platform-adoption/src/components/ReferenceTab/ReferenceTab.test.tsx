import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { proposal, referenceOverview } from '../../__testUtils__/fixtures';
import { renderPlatformPage } from '../../__testUtils__/renderPlatformPage';
import { responseError } from '../../__testUtils__/responseError';

// Runs as a CoE lead (every permission allowed); readers are in
// ReferenceTab.reader.test.tsx, since permission answers are cached per module.

const PATH = '/platform-adoption/mongodb/reference';

/** Replaces an input's text in one go; typing key by key is slow on a busy machine. */
async function fill(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  input.focus();
  await userEvent.paste(text);
}
const workbench = () => screen.getByRole('region', { name: 'Workbench' });

async function derive() {
  await userEvent.click(await screen.findByRole('button', { name: 'Derive from fleet' }));
  return screen.findByRole('table', { name: 'Facet requirements' });
}

describe('ReferenceTab', () => {
  it('shows the standard: requirements with rationale, variants, practices, owner and publication', async () => {
    const { api } = renderPlatformPage(PATH);
    const standard = await screen.findByRole('region', { name: 'MongoDB reference architecture' });
    expect(api.getReference).toHaveBeenCalledWith('mongodb');
    expect(within(standard).getByText('Version 2')).toBeInTheDocument();
    expect(standard).toHaveTextContent(/Owned by coe · published by tamsin.raman on/);
    const requirements = within(standard).getByRole('table', { name: 'Requirements of version 2' });
    const rows = within(requirements).getAllByRole('row').map(r => r.textContent);
    expect(rows).toEqual([
      'FacetRequiredWhy',
      'Server version>=718 of 22 deployments already run 7.0.',
      'Backupone of snapshot, continuousPoint-in-time recovery for anything that holds customer data.',
      'TLStrue—',
    ]);
    expect(standard).toHaveTextContent('Sharded, for tick data');
    expect(standard).toHaveTextContent('Instead of the base: Topology sharded');
    expect(within(standard).getByRole('link', { name: /Restore drill every quarter/ })).toHaveAttribute(
      'href',
      'https://wiki.fernhill.example/mongodb/restore',
    );
  });

  it('lists the versions and compares any two', async () => {
    const { api } = renderPlatformPage(PATH);
    const history = await screen.findByRole('region', { name: 'Version history' });
    const versions = within(history).getByRole('table', { name: 'Published versions' });
    expect(within(versions).getAllByRole('row')).toHaveLength(3);
    expect(within(versions).getByText('In force')).toBeInTheDocument();
    expect(within(versions).getByText('Superseded')).toBeInTheDocument();

    const changes = await within(history).findByRole('table', { name: 'Changes from version 1 to version 2' });
    expect(api.diffReferences).toHaveBeenCalledWith('mongodb', 1, 2);
    expect(within(changes).getAllByRole('row').map(r => r.textContent)).toEqual([
      'WhatChangeBeforeAfter',
      'BackupChangedsnapshotone of snapshot, continuous',
      'TLSAdded—true',
      'Server versionChanged>=6>=7',
      'Variant shardedAdded——',
      'Practice “Restore drill every quarter”Added——',
    ]);

    await userEvent.click(within(history).getByRole('button', { name: 'View version 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Version 1' });
    expect(await within(dialog).findByRole('table', { name: 'Requirements of version 1' })).toHaveTextContent(
      'Backupsnapshot',
    );
    expect(api.getReferenceVersion).toHaveBeenCalledWith('mongodb', 1);
  });

  it('says so when nothing is published', async () => {
    const api = createFakeApi({ getReference: async () => ({ draft: null, standard: null, versions: [] }) });
    renderPlatformPage(PATH, { api });
    expect(await screen.findByText('MongoDB has no standard in force')).toBeInTheDocument();
    expect(screen.getByText('No version has been published yet.')).toBeInTheDocument();
    expect(api.diffReferences).not.toHaveBeenCalled();
  });

  it('shows what failed', async () => {
    const api = createFakeApi({
      getReference: async () => {
        throw await responseError(500, 'reference store unavailable');
      },
    });
    renderPlatformPage(PATH, { api });
    expect(await screen.findByText('Could not load the reference architecture')).toBeInTheDocument();
    expect(screen.getByText('reference store unavailable')).toBeInTheDocument();
  });

  it('derives from the fleet with the evidence behind each requirement and the deployments behind it', async () => {
    const { api } = renderPlatformPage(PATH);
    const table = await derive();
    expect(api.deriveReference).toHaveBeenCalledWith('mongodb');
    expect(within(workbench()).getByText(/Derived 3 requirements from the fleet/)).toBeInTheDocument();
    const backup = within(table).getByDisplayValue('snapshot, continuous').closest('tr') as HTMLElement;
    expect(backup).toHaveTextContent('11 of 13 peers agree');
    expect(within(backup).getByRole('link', { name: /1 deployment meets it: Backup/ })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments?kind=server&facet=backup%3Asnapshot&facet=backup%3Acontinuous',
    );
    const version = screen.getByLabelText('Values for Server version').closest('tr') as HTMLElement;
    // A version range links to the release lines inside it.
    expect(within(version).getByRole('link', { name: /2 deployments meet it/ })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments?kind=server&facet=version%3A7.0',
    );
    const auth = screen.getByLabelText('Values for Authentication').closest('tr') as HTMLElement;
    expect(auth).toHaveTextContent('12 of 22 run the consensus, which is below the standard');
  });

  it('derives, takes an upgrade, edits and publishes, sending the edited content', async () => {
    const { api } = renderPlatformPage(PATH);
    await derive();

    const upgrade = screen.getByRole('checkbox', { name: 'Require Backup continuous' });
    await userEvent.click(upgrade);
    expect(screen.getByLabelText('Values for Backup')).toHaveValue('continuous');
    expect(screen.getByLabelText('Requirement for Backup')).toHaveValue('equals');

    await fill(screen.getByLabelText('Values for Server version'), '>=7.0');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Authentication' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a practice' }));
    await fill(screen.getByLabelText('Practice 1 title'), 'Quarterly restore drill');
    await fill(screen.getByLabelText('Practice 1 link'), 'https://wiki.fernhill.example/restore');

    await userEvent.click(screen.getByRole('button', { name: 'Publish as version 3' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 3?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));

    expect(await screen.findByText('Version 3 is published and in force.')).toBeInTheDocument();
    expect(api.saveReferenceDraft).toHaveBeenCalledTimes(1);
    expect(api.saveReferenceDraft).toHaveBeenCalledWith('mongodb', {
      title: 'MongoDB reference architecture',
      rationale: proposal.content.rationale,
      ownerRef: 'group:default/coe',
      facets: {
        version: {
          requirement: { versionRange: '>=7.0' },
          rationale: '18 of 22 deployments already run 7.0.',
        },
        backup: {
          requirement: { equals: 'continuous' },
          rationale: 'Better than the consensus (snapshot); positive deviants already run it.',
        },
      },
      variants: [],
      practices: [{ kind: 'backup', title: 'Quarterly restore drill', url: 'https://wiki.fernhill.example/restore' }],
    });
    expect(api.publishReference).toHaveBeenCalledWith('mongodb');
    // The draft is saved first: publishing publishes the saved draft.
    expect(api.saveReferenceDraft.mock.invocationCallOrder[0]).toBeLessThan(
      api.publishReference.mock.invocationCallOrder[0],
    );
    // The page reads the reference again to show the new version.
    await waitFor(() => expect(api.getReference).toHaveBeenCalledTimes(2));
  });

  it('restores the proposal’s requirement when an upgrade is taken back', async () => {
    renderPlatformPage(PATH);
    await derive();
    const upgrade = screen.getByRole('checkbox', { name: 'Require Backup continuous' });
    await userEvent.click(upgrade);
    await userEvent.click(upgrade);
    expect(screen.getByLabelText('Values for Backup')).toHaveValue('snapshot, continuous');
    expect(screen.getByLabelText('Requirement for Backup')).toHaveValue('oneOf');
  });

  it('previews who would conform, and updates the preview as the draft changes', async () => {
    const api = createFakeApi({
      previewReference: async (_platform, content) =>
        content.facets.authentication
          ? { production: 15, conforming: 6, blocking: { authentication: 7, backup: 4 } as Record<string, number> }
          : { production: 15, conforming: 12, blocking: { backup: 3 } as Record<string, number> },
    });
    renderPlatformPage(PATH, { api });
    await derive();
    const status = await screen.findByText('6 of 15 production deployments would conform (40%).');
    expect(status).toHaveAttribute('role', 'status');
    const blocking = screen.getByRole('list', { name: 'Blocking facets' });
    expect(within(blocking).getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'Authentication: 7 deployments',
      'Backup: 4 deployments',
    ]);
    expect(api.previewReference).toHaveBeenLastCalledWith('mongodb', proposal.content);

    await userEvent.click(screen.getByRole('button', { name: 'Remove Authentication' }));
    expect(await screen.findByText('12 of 15 production deployments would conform (80%).')).toBeInTheDocument();
    const last = api.previewReference.mock.calls[api.previewReference.mock.calls.length - 1];
    expect(Object.keys(last[1].facets)).toEqual(['version', 'backup']);
  });

  it('waits for the typing to pause before it previews again', async () => {
    const { api } = renderPlatformPage(PATH);
    await derive();
    await screen.findByText(/would conform/);
    const before = api.previewReference.mock.calls.length;
    const version = screen.getByLabelText('Values for Server version');
    await userEvent.clear(version);
    await userEvent.type(version, '>=6.0');
    await waitFor(() =>
      expect(api.previewReference.mock.calls[api.previewReference.mock.calls.length - 1][1].facets.version).toEqual({
        requirement: { versionRange: '>=6.0' },
        rationale: '18 of 22 deployments already run 7.0.',
      }),
    );
    // Once per pause, not once per keystroke: of the six edits only ">=6"
    // and ">=6.0" are valid, and only a slow typist pauses at ">=6".
    expect(api.previewReference.mock.calls.length - before).toBeLessThanOrEqual(2);
  });

  it('marks invalid values and will not save or publish them', async () => {
    renderPlatformPage(PATH);
    await derive();
    await userEvent.click(screen.getByRole('button', { name: 'Add a facet' }));
    const facet = screen.getByLabelText('Facet 4');
    await userEvent.selectOptions(facet, 'tls');
    await fill(screen.getByLabelText('Values for TLS'), 'yes');
    expect(screen.getByText('Enter true or false')).toBeInTheDocument();
    expect(screen.getByText('Fix the marked fields to see who would conform.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Publish as version 3' })).toBeDisabled();
  });

  it('edits variants and saves the draft', async () => {
    const { api } = renderPlatformPage(PATH);
    await derive();
    await userEvent.click(screen.getByRole('button', { name: 'Add a variant' }));
    await fill(screen.getByLabelText('Variant id'), 'sharded');
    await fill(screen.getByLabelText('Variant title'), 'Sharded, for tick data');
    await userEvent.click(screen.getByRole('button', { name: 'Add a facet to Variant sharded' }));
    await userEvent.selectOptions(screen.getByLabelText('Variant sharded: facet 1'), 'topology');
    await fill(screen.getByLabelText('Variant sharded: values for Topology'), 'sharded');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText(/Draft saved/)).toBeInTheDocument();
    expect(api.saveReferenceDraft.mock.calls[0][1].variants).toEqual([
      { id: 'sharded', title: 'Sharded, for tick data', facets: { topology: { equals: 'sharded' } } },
    ]);
  });

  it('opens a saved draft, and discards it after asking', async () => {
    const api = createFakeApi({
      getReference: async () => ({
        ...referenceOverview,
        draft: {
          ...proposal.content,
          platform: 'mongodb',
          basedOnVersion: 2,
          updatedAt: '2026-11-20T10:00:00.000Z',
          updatedBy: 'user:default/tamsin.raman',
        },
      }),
    });
    renderPlatformPage(PATH, { api });
    expect(await screen.findByLabelText('Values for Authentication')).toHaveValue('scram');
    await userEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard the draft?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText('Draft discarded.')).toBeInTheDocument();
    expect(api.discardReferenceDraft).toHaveBeenCalledWith('mongodb');
    expect(screen.queryByLabelText('Values for Authentication')).not.toBeInTheDocument();
  });

  it('retires the standard after asking', async () => {
    const { api } = renderPlatformPage(PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Retire version 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retire version 2?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retire' }));
    expect(await screen.findByText(/Version 2 is retired/)).toBeInTheDocument();
    expect(api.retireReference).toHaveBeenCalledWith('mongodb');
  });

  it('says why an action failed', async () => {
    const api = createFakeApi({
      deriveReference: async () => {
        throw await responseError(404, 'there are too few MongoDB deployments to derive a reference from');
      },
    });
    renderPlatformPage(PATH, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Derive from fleet' }));
    expect(
      await screen.findByText('there are too few MongoDB deployments to derive a reference from'),
    ).toBeInTheDocument();
  });

  describe('exemptions', () => {
    const panel = () => screen.findByRole('region', { name: 'Exemptions' });

    it('lists exemptions as active, expired or revoked', async () => {
      renderPlatformPage(PATH);
      const table = await within(await panel()).findByRole('table', { name: 'Exemptions' });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map(r => within(r).getAllByRole('cell')[0].textContent)).toEqual([
        'notification-preferences-mongodb',
        'c3',
        'fraud-cases',
      ]);
      expect(within(rows[0]).getByText('Active')).toBeInTheDocument();
      expect(within(rows[1]).getByText('Expired')).toBeInTheDocument();
      expect(within(rows[2]).getByText(/^Revoked/)).toBeInTheDocument();
      expect(within(rows[1]).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
    });

    it('revokes an active exemption', async () => {
      const { api } = renderPlatformPage(PATH);
      await userEvent.click(
        await within(await panel()).findByRole('button', {
          name: 'Revoke the exemption of notification-preferences-mongodb from TLS',
        }),
      );
      expect(api.revokeExemption).toHaveBeenCalledWith('6f1c7a52-0d8e-4a8e-9d55-1e0f3c1b7a01');
      expect(await screen.findByText('Revoked the exemption from TLS.')).toBeInTheDocument();
    });

    it('grants one from a deployment’s difference, with a justification and an expiry', async () => {
      const { api } = renderPlatformPage(PATH);
      const differences = await within(await panel()).findByRole('table', { name: 'Differences from the standard' });
      // TLS is exempted already, so only backup can be.
      expect(within(differences).queryByRole('button', { name: /from TLS/ })).not.toBeInTheDocument();
      await userEvent.click(
        within(differences).getByRole('button', { name: 'Exempt notification-preferences-mongodb from Backup' }),
      );
      const dialog = await screen.findByRole('dialog', { name: 'Exempt notification-preferences-mongodb from Backup' });
      expect(dialog).toHaveTextContent('It runs none; the standard requires one of snapshot, continuous.');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Grant exemption' }));
      expect(within(dialog).getByText('Say why, in at least 10 characters')).toBeInTheDocument();
      expect(api.createExemption).not.toHaveBeenCalled();

      await fill(within(dialog).getByLabelText('Justification'), 'Migrating to Atlas in Q1; backups there.');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Grant exemption' }));
      expect(await screen.findByText('Exempted notification-preferences-mongodb from Backup.')).toBeInTheDocument();
      expect(api.createExemption).toHaveBeenCalledWith({
        deploymentId: 'b2',
        facet: 'backup',
        justification: 'Migrating to Atlas in Q1; backups there.',
        expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      await waitFor(() => expect(api.listExemptions).toHaveBeenCalledTimes(2));
    });

    it('shows what failed', async () => {
      const api = createFakeApi({
        listExemptions: async () => {
          throw await responseError(500, 'exemptions unavailable');
        },
      });
      renderPlatformPage(PATH, { api });
      expect(await within(await panel()).findByText('Could not load the exemptions')).toBeInTheDocument();
    });
  });
});
