import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GoldenPathPublishing } from './goldenPathTemplate';
import {
  createStandardsReader,
  GoldenPathTemplateProvider,
} from './GoldenPathTemplateProvider';

const CONFIG_KEY = 'platformAdoption.goldenPaths';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 30 },
  timeout: { seconds: 30 },
  initialDelay: { seconds: 10 },
};

function readSchedule(
  config: RootConfigService,
): SchedulerServiceTaskScheduleDefinition {
  const section = config.getOptionalConfig(`${CONFIG_KEY}.schedule`);
  return section
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(section)
    : DEFAULT_SCHEDULE;
}

function readPublishing(config: RootConfigService): GoldenPathPublishing {
  const local = config.getOptionalConfigArray(
    'platformAdoption.localRepositories',
  )?.[0];
  const type =
    config.getOptionalString(`${CONFIG_KEY}.publish.type`) ??
    (local ? 'local' : 'github');
  if (type === 'local') {
    if (!local) {
      throw new Error(
        `${CONFIG_KEY}.publish.type is local, but platformAdoption.localRepositories is not configured`,
      );
    }
    const baseUrl = local.getString('baseUrl');
    return {
      type: 'local',
      baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    };
  }
  if (type === 'github') {
    return {
      type: 'github',
      allowedHosts: config.getOptionalStringArray(
        `${CONFIG_KEY}.publish.allowedHosts`,
      ) ?? ['github.com'],
    };
  }
  throw new Error(
    `${CONFIG_KEY}.publish.type must be local or github, not ${type}`,
  );
}

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
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, discovery, auth, logger, scheduler }) {
        const externalBaseUrl = await discovery.getExternalBaseUrl(
          'platform-adoption',
        );
        const appBaseUrl = config.getOptionalString('app.baseUrl');
        catalog.addEntityProvider(
          new GoldenPathTemplateProvider({
            readStandards: createStandardsReader({ discovery, auth }),
            logger,
            scheduler,
            schedule: readSchedule(config),
            templates: {
              publishing: readPublishing(config),
              referenceUrl: (platform, version) =>
                `${externalBaseUrl}/references/${encodeURIComponent(
                  platform,
                )}/versions/${version}`,
              ...(appBaseUrl
                ? {
                    platformPageUrl: platform =>
                      `${appBaseUrl}/platform-adoption/${encodeURIComponent(
                        platform,
                      )}`,
                  }
                : {}),
            },
          }),
        );
      },
    });
  },
});
