import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogScmEventsServiceRef } from '@backstage/plugin-catalog-node/alpha';
import { platformAdoptionPermissions } from '@platform-adoption/plugin-platform-adoption-common';
import {
  builtinDetectors,
  DECLARED_PLATFORMS_KEY,
  loadHclParser,
  PlatformDetector,
  platformAdoptionDetectorsExtensionPoint,
  readDeclaredPlatforms,
} from '@platform-adoption/plugin-platform-adoption-node';
import { FleetAnalyzer } from './analysis/FleetAnalyzer';
import { CampaignService } from './reference/CampaignService';
import { ConformanceService } from './reference/ConformanceService';
import { GoldenPathUpgrades } from './reference/GoldenPathUpgrades';
import { HistoryRecorder } from './reference/HistoryRecorder';
import { ReferenceService } from './reference/ReferenceService';
import { createRouter } from './router';
import { readScanOptions } from './scan/options';
import { Scanner } from './scan/Scanner';
import { createDetection } from './scan/detection/createDetection';
import { reclaimAbandonedScans, withHeartbeat } from './scan/heartbeat';
import { PUSH_SCAN_TASK_ID, readPushSchedule, readScanSchedule, SCAN_TASK_ID } from './scan/schedule';
import { listenForPushes } from './repositories/listenForPushes';
import { AnalysisService } from './service/AnalysisService';
import { DeploymentService } from './service/DeploymentService';
import { EntityVisibility } from './service/EntityVisibility';
import { createStores } from './store/createStores';

/**
 * Platform Adoption backend plugin.
 *
 * @public
 */
export const platformAdoptionPlugin = createBackendPlugin({
  pluginId: 'platform-adoption',
  register(env) {
    const addedDetectors: PlatformDetector[] = [];
    env.registerExtensionPoint(platformAdoptionDetectorsExtensionPoint, {
      addDetector(...detectors) {
        addedDetectors.push(...detectors);
      },
    });

    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        scmEvents: catalogScmEventsServiceRef,
      },
      async init(deps) {
        const { httpRouter, logger, config, scheduler } = deps;
        deps.permissionsRegistry.addPermissions(platformAdoptionPermissions);

        const stores = await createStores(deps.database);
        await loadHclParser();
        const detectors = [...builtinDetectors, ...addedDetectors, ...readDeclaredPlatforms(config)];
        const platforms = () => detectors.map(d => d.platform);

        const options = readScanOptions(config);
        const detection = createDetection({
          detectors,
          addedDetectors,
          declaredPlatforms: config.getOptional(DECLARED_PLATFORMS_KEY),
          workers: options.detectionWorkers,
          logger,
        });
        deps.lifecycle.addShutdownHook(() => detection.close());

        const conformance = new ConformanceService({ ...stores, platforms });
        const history = new HistoryRecorder({ ...stores, conformance, platforms });
        const scanner = new Scanner({
          catalog: deps.catalog,
          auth: deps.auth,
          reader: deps.urlReader,
          scans: stores.scans,
          pushes: stores.pushes,
          deployments: stores.deployments,
          analyzer: new FleetAnalyzer({ store: stores.analysis, references: stores.references, platforms }),
          detectors,
          detection,
          logger,
          options,
          afterScan: (generation, scan) => history.record(generation, scan),
        });

        await scheduler.scheduleTask({
          id: SCAN_TASK_ID,
          ...readScanSchedule(config),
          // One replica runs each scan; all replicas serve its results.
          scope: 'global',
          fn: async () =>
            withHeartbeat(stores.scans, async () => {
              await stores.scans.failAbandonedScans();
              // "Scan now" runs this same task: a waiting request makes the scan a manual one.
              await scanner.scan((await stores.scans.takeScanRequests()) ? 'manual' : 'schedule');
            }),
        });
        // Pushes that source control events announce are read within
        // seconds by a push scan, without waiting for the next full scan.
        listenForPushes({ events: deps.scmEvents, pushes: stores.pushes, logger });
        await scheduler.scheduleTask({
          id: PUSH_SCAN_TASK_ID,
          ...readPushSchedule(config),
          scope: 'global',
          fn: async () => {
            if (!(await stores.pushes.waiting()) || (await stores.scans.otherRunning())) return;
            await withHeartbeat(stores.scans, () => scanner.scan('push'));
          },
        });
        // Every replica watches for scans whose process died mid-scan: they
        // are failed, and the task they hold is freed for the next scan.
        await scheduler.scheduleTask({
          id: `${SCAN_TASK_ID}-watchdog`,
          scope: 'local',
          frequency: { seconds: 15 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 5 },
          fn: async () => {
            await reclaimAbandonedScans({ scans: stores.scans, scheduler, logger });
          },
        });

        const deploymentService = new DeploymentService({ ...stores, platforms });
        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            scheduler,
            scans: stores.scans,
            audit: stores.audit,
            visibility: new EntityVisibility({ permissions: deps.permissions, catalog: deps.catalog }),
            deployments: deploymentService,
            analysis: new AnalysisService({ ...stores, conformance, platforms }),
            references: new ReferenceService({
              ...stores,
              history,
              platforms,
              defaultOwner: config.getOptionalString('platformAdoption.coeGroup') ?? 'group:default/coe',
            }),
            governance: {
              conformance,
              upgrades: new GoldenPathUpgrades({ references: stores.references }),
              exemptions: stores.exemptions,
              campaigns: new CampaignService({ ...stores }),
              history: stores.history,
              references: stores.references,
            },
          }),
        );
        // Load balancers and uptime checks probe health without credentials.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
