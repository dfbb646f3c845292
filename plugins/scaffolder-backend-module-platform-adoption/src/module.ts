import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/**
 * Adds the golden-path rendering action to the scaffolder.
 *
 * @public
 */
export const scaffolderModulePlatformAdoption = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'platform-adoption',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder: _scaffolder }) {},
    });
  },
});
