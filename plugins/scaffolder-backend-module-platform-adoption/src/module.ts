import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createReferenceFetcher } from './actions/fetchReference';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRenderAction } from './actions/render';

/**
 * Adds the golden-path actions to the scaffolder: `platform-adoption:render`
 * (a reference architecture into conforming files) and
 * `platform-adoption:publish-local` (the workspace into a folder served as a
 * repository, for the demo).
 *
 * @public
 */
export const scaffolderModulePlatformAdoption = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'platform-adoption',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, discovery, auth }) {
        scaffolder.addActions(
          createRenderAction({
            fetchReference: createReferenceFetcher({ discovery, auth }),
          }),
          createPublishLocalAction({ config }),
        );
      },
    });
  },
});
