import {
  createApiFactory,
  createComponentExtension,
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
 * The adoption pages (overview and one page per platform), for a legacy
 * app's routes: `<Route path="/platform-adoption" element={<PlatformAdoptionPage />} />`.
 * Entity cards link to `/platform-adoption`, so mount it there.
 *
 * @public
 */
export const PlatformAdoptionPage = legacyPlatformAdoptionPlugin.provide(
  createRoutableExtension({
    name: 'PlatformAdoptionPage',
    component: () =>
      import('../components/Router').then(m => m.PlatformAdoptionRouter),
    mountPoint: legacyRootRouteRef,
  }),
);

/**
 * For a Component's or Resource's overview: its platform deployments, key
 * facets and findings.
 *
 * @public
 */
export const EntityPlatformUsageCard = legacyPlatformAdoptionPlugin.provide(
  createComponentExtension({
    name: 'EntityPlatformUsageCard',
    component: {
      lazy: () =>
        import('../components/EntityCards').then(m => m.EntityPlatformUsageCard),
    },
  }),
);

/**
 * For a Group's overview: its (and its sub-teams') adoption per platform.
 *
 * @public
 */
export const EntityTeamAdoptionCard = legacyPlatformAdoptionPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamAdoptionCard',
    component: {
      lazy: () =>
        import('../components/EntityCards').then(m => m.EntityTeamAdoptionCard),
    },
  }),
);

/**
 * For a System's overview: the platform deployments in it.
 *
 * @public
 */
export const EntitySystemDeploymentsCard = legacyPlatformAdoptionPlugin.provide(
  createComponentExtension({
    name: 'EntitySystemDeploymentsCard',
    component: {
      lazy: () =>
        import('../components/EntityCards').then(
          m => m.EntitySystemDeploymentsCard,
        ),
    },
  }),
);
