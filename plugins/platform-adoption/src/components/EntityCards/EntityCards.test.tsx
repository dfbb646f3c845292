import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import {
  campaignAttribution,
  findings,
  fraudCaseManager,
  notificationPreferences,
  rollups,
} from '../../__testUtils__/fixtures';
import { renderView } from '../../__testUtils__/renderView';
import { responseError } from '../../__testUtils__/responseError';
import { EntityPlatformUsageCard } from './EntityPlatformUsageCard';
import { EntitySystemDeploymentsCard } from './EntitySystemDeploymentsCard';
import { EntityTeamAdoptionCard } from './EntityTeamAdoptionCard';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const withEntity = (e: Entity, card: JSX.Element) => (
  <EntityProvider entity={e}>{card}</EntityProvider>
);

describe('EntityPlatformUsageCard', () => {
  const component = entity('Component', 'notification-preferences-service');

  it('shows the entity’s deployments, their key facets and why they stand out', async () => {
    const api = createFakeApi({
      getEntityDeployments: async () => ({ items: [notificationPreferences], totalCount: 1 }),
      listFindings: async () => ({ items: [findings[0]] }),
    });
    renderView(withEntity(component, <EntityPlatformUsageCard />), { api });

    const link = await screen.findByRole('link', { name: 'notification-preferences-mongodb' });
    expect(link).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments?entity=component%3Adefault%2Fnotification-preferences-service&deployment=b2',
    );
    expect(api.getEntityDeployments).toHaveBeenCalledWith('component:default/notification-preferences-service');
    expect(api.listFindings).toHaveBeenCalledWith({ entity: 'component:default/notification-preferences-service' });
    expect(screen.getByText('MongoDB')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hosting: kubernetes. Show where this value comes from' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Backup: none. Show where this value comes from' })).toBeInTheDocument();
    expect(screen.getByText('Snowflake')).toBeInTheDocument();
    expect(screen.getByText(/— 11 of 13 peers: snapshot/)).toBeInTheDocument();
  });

  it('shows each deployment’s drift from the standard with the fix, and the upgrade available', async () => {
    const api = createFakeApi({
      getEntityDeployments: async () => ({ items: [notificationPreferences], totalCount: 1 }),
      listFindings: async () => ({ items: [] }),
    });
    renderView(withEntity(component, <EntityPlatformUsageCard />), { api });
    expect(await screen.findByText(/Drifts from the MongoDB reference v2/)).toBeInTheDocument();
    expect(api.getConformance).toHaveBeenCalledWith({
      platform: 'mongodb',
      entity: 'component:default/notification-preferences-service',
    });
    const differences = screen.getByRole('list', { name: 'Differences from the MongoDB reference' });
    expect(within(differences).getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'Backup: none, required one of snapshot, continuousFix: Change backup from none to one of snapshot, continuous at deploy/helmrelease.yaml:18',
      'TLS: false, required true (exempted)',
    ]);
    expect(screen.getByText('Upgrade available: v1 → v2')).toBeInTheDocument();
    const changes = screen.getByRole('list', { name: 'Changes from v1 to v2' });
    expect(within(changes).getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'Backup: snapshot → one of snapshot, continuous',
      'TLS added: true',
    ]);
    expect(screen.getByRole('link', { name: 'Use the MongoDB golden path (reference v2)' })).toHaveAttribute(
      'href',
      '/create/templates/default/mongodb-golden-path',
    );
  });

  it('says a deployment conforms', async () => {
    const api = createFakeApi({
      getEntityDeployments: async () => ({ items: [fraudCaseManager], totalCount: 1 }),
      listFindings: async () => ({ items: [] }),
    });
    renderView(withEntity(component, <EntityPlatformUsageCard />), { api });
    expect(await screen.findByText(/Conforms to the MongoDB reference v2/)).toBeInTheDocument();
    expect(screen.queryByText(/Upgrade available/)).not.toBeInTheDocument();
  });

  it('offers no golden path while the platform has no standard', async () => {
    const api = createFakeApi({
      getEntityDeployments: async () => ({ items: [fraudCaseManager], totalCount: 1 }),
      listFindings: async () => ({ items: [] }),
      getConformance: async () => ({ standard: null, items: [] }),
    });
    renderView(withEntity(component, <EntityPlatformUsageCard />), { api });
    expect(await screen.findByRole('link', { name: 'fraud-cases' })).toBeInTheDocument();
    await waitFor(() => expect(api.getConformance).toHaveBeenCalled());
    expect(screen.queryByRole('link', { name: /golden path/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Conforms to|Drifts from/)).not.toBeInTheDocument();
  });

  it('keeps the card when conformance cannot be read', async () => {
    const api = createFakeApi({
      getEntityDeployments: async () => ({ items: [notificationPreferences], totalCount: 1 }),
      listFindings: async () => ({ items: [] }),
      getConformance: async () => {
        throw await responseError(500, 'conformance unavailable');
      },
    });
    renderView(withEntity(component, <EntityPlatformUsageCard />), { api });
    expect(await screen.findByText('Conformance could not be checked: conformance unavailable')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'notification-preferences-mongodb' })).toBeInTheDocument();
  });

  it('marks a stale deployment and one nothing declares', async () => {
    const api = createFakeApi({
      getEntityDeployments: async () => ({ items: [campaignAttribution], totalCount: 1 }),
      listFindings: async () => ({ items: [] }),
    });
    renderView(withEntity(component, <EntityPlatformUsageCard />), { api });
    expect(await screen.findByText(/Stale: could not read repository/)).toBeInTheDocument();
    expect(screen.getByText('not declared in the catalog')).toBeInTheDocument();
  });

  it('says what it looked for when it found nothing', async () => {
    renderView(withEntity(component, <EntityPlatformUsageCard />));
    expect(
      await screen.findByText(/No platform deployments found for this component/),
    ).toBeInTheDocument();
  });

  it('shows what failed', async () => {
    const api = createFakeApi({
      getEntityDeployments: async () => {
        throw await responseError(403, 'not allowed');
      },
    });
    renderView(withEntity(component, <EntityPlatformUsageCard />), { api });
    expect(await screen.findByText('Could not load platform usage')).toBeInTheDocument();
    expect(screen.getByText(/platform-adoption.read permission/)).toBeInTheDocument();
  });
});

describe('EntityTeamAdoptionCard', () => {
  it('shows the group’s adoption per platform, sub-teams included', async () => {
    const api = createFakeApi({
      getRollups: async () => ({
        orgUnits: rollups.orgUnits,
        items: rollups.items.filter(r =>
          ['group:default/digital', 'group:default/digital-channels', 'group:default/branch-experience'].includes(r.orgRef),
        ),
      }),
    });
    renderView(withEntity(entity('Group', 'digital'), <EntityTeamAdoptionCard />), { api });
    const table = await screen.findByRole('table', { name: 'Platform adoption of this group and its sub-teams' });
    expect(api.getRollups).toHaveBeenCalledWith({ org: 'group:default/digital' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]).getAllByRole('cell').map(c => c.textContent)).toEqual([
      'MongoDB', '3', '2', '2', '0', 'Multi-team',
    ]);
    expect(within(rows[1]).getByRole('link', { name: 'MongoDB' })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments?team=group%3Adefault%2Fdigital',
    );
  });

  it('says when the group runs nothing', async () => {
    const api = createFakeApi({ getRollups: async () => ({ items: [], orgUnits: [] }) });
    renderView(withEntity(entity('Group', 'treasury'), <EntityTeamAdoptionCard />), { api });
    expect(await screen.findByText(/No platform deployments are owned by this group/)).toBeInTheDocument();
  });
});

describe('EntitySystemDeploymentsCard', () => {
  it('lists the system’s deployments', async () => {
    const api = createFakeApi({
      listDeployments: async () => ({ items: [notificationPreferences], totalCount: 60, generation: 7, nextCursor: 'x' }),
    });
    renderView(withEntity(entity('System', 'customer-notifications'), <EntitySystemDeploymentsCard />), { api });
    expect(await screen.findByRole('link', { name: 'notification-preferences-mongodb' })).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenCalledWith({
      system: 'system:default/customer-notifications',
      sort: 'platform',
      limit: 50,
    });
    expect(screen.getByText(/Showing 1 of 60/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'MongoDB' })).toHaveAttribute(
      'href',
      '/platform-adoption/mongodb/deployments?system=system%3Adefault%2Fcustomer-notifications',
    );
  });

  it('says when the system has none', async () => {
    const api = createFakeApi({
      listDeployments: async () => ({ items: [], totalCount: 0, generation: 7, nextCursor: null }),
    });
    renderView(withEntity(entity('System', 'empty'), <EntitySystemDeploymentsCard />), { api });
    expect(await screen.findByText(/No platform deployments found in this system/)).toBeInTheDocument();
  });
});
