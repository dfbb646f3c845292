import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { PlatformAdoptionClient, platformAdoptionApiRef } from '../api';

const legacyRootRouteRef = createRouteRef({ id: 'platform-adoption' });

/**
 * Platform Adoption for apps still on the legacy frontend system.
 *
 * @public
 */
export const legacyPlatformAdoptionPlugin = createPlugin({
  id: 'platform-adoption',
  routes: { root: legacyRootRouteRef },
  apis: [
    createApiFactory({
      api: platformAdoptionApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new PlatformAdoptionClient(deps),
    }),
  ],
});

/**
 * The adoption overview page, for a legacy app's routes.
 *
 * @public
 */
export const PlatformAdoptionPage = legacyPlatformAdoptionPlugin.provide(
  createRoutableExtension({
    name: 'PlatformAdoptionPage',
    component: () =>
      import('../components/OverviewPage').then(m => m.OverviewPage),
    mountPoint: legacyRootRouteRef,
  }),
);
