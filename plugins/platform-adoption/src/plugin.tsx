import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
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

const overviewPage = PageBlueprint.make({
  params: {
    path: '/platform-adoption',
    title: 'Platform Adoption',
    icon: <AccountTreeIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/OverviewPage').then(m => <m.OverviewPage />),
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
  extensions: [platformAdoptionApi, overviewPage],
});
