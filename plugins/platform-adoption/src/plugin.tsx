import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import { PlatformAdoptionClient, platformAdoptionApiRef } from './api';
import { rootRouteRef } from './routes';

const platformAdoptionApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformAdoptionApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new PlatformAdoptionClient(deps),
    }),
});

/**
 * `page:platform-adoption` at /platform-adoption: the overview, and under
 * it one page per platform with Teams, Deployments, Snowflakes, Facets,
 * Reference architecture and Progress tabs (routed inside the page, since
 * each lives under `/:platform`).
 */
const platformAdoptionPage = PageBlueprint.make({
  params: {
    path: '/platform-adoption',
    title: 'Platform Adoption',
    icon: <AccountTreeIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/Router').then(m => <m.PlatformAdoptionRouter />),
  },
});

/** `entity-card:platform-adoption/platform-usage` on Components and Resources. */
const platformUsageCard = EntityCardBlueprint.make({
  name: 'platform-usage',
  params: {
    filter: { kind: { $in: ['component', 'resource'] } },
    loader: () =>
      import('./components/EntityCards').then(m => <m.EntityPlatformUsageCard />),
  },
});

/** `entity-card:platform-adoption/team-adoption` on Groups. */
const teamAdoptionCard = EntityCardBlueprint.make({
  name: 'team-adoption',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityCards').then(m => <m.EntityTeamAdoptionCard />),
  },
});

/** `entity-card:platform-adoption/system-deployments` on Systems. */
const systemDeploymentsCard = EntityCardBlueprint.make({
  name: 'system-deployments',
  params: {
    filter: { kind: 'system' },
    loader: () =>
      import('./components/EntityCards').then(m => (
        <m.EntitySystemDeploymentsCard />
      )),
  },
});

/**
 * Platform Adoption for the new frontend system.
 *
 * @public
 */
export const platformAdoptionPlugin = createFrontendPlugin({
  pluginId: 'platform-adoption',
  title: 'Platform Adoption',
  icon: <AccountTreeIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    platformAdoptionApi,
    platformAdoptionPage,
    platformUsageCard,
    teamAdoptionCard,
    systemDeploymentsCard,
  ],
});
