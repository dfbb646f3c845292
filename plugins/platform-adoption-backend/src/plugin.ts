import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { platformAdoptionPermissions } from '@platform-adoption/plugin-platform-adoption-common';
import {
  builtinDetectors,
  loadHclParser,
  PlatformDetector,
  platformAdoptionDetectorsExtensionPoint,
} from '@platform-adoption/plugin-platform-adoption-node';
import { FleetAnalyzer } from './analysis/FleetAnalyzer';
import { createRouter } from './router';
import { readScanOptions } from './scan/options';
import { Scanner } from './scan/Scanner';
import { readScanSchedule, SCAN_TASK_ID } from './scan/schedule';
import { AnalysisService } from './service/AnalysisService';
import { DeploymentService } from './service/DeploymentService';
import { AnalysisStore } from './store/AnalysisStore';
import { DeploymentStore } from './store/DeploymentStore';
import { connectDatabase } from './store/migrations';
import { ScanStore } from './store/ScanStore';

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
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { httpRouter, logger, config, scheduler } = deps;
        deps.permissionsRegistry.addPermissions(platformAdoptionPermissions);

        const db = await connectDatabase(deps.database);
        const scans = new ScanStore(db);
        const deploymentStore = new DeploymentStore(db);
        const analysisStore = new AnalysisStore(db);
        const schedule = readScanSchedule(config);
        const options = readScanOptions(config);

        await loadHclParser();
        const detectors = [...builtinDetectors, ...addedDetectors];
        const platforms = () => detectors.map(d => d.platform);
        const scanner = new Scanner({
          catalog: deps.catalog,
          auth: deps.auth,
          reader: deps.urlReader,
          scans,
          deployments: deploymentStore,
          analyzer: new FleetAnalyzer({ store: analysisStore, platforms }),
          detectors,
          logger,
          options,
        });

        await scheduler.scheduleTask({
          id: SCAN_TASK_ID,
          ...schedule,
          // One replica runs each scan; all replicas serve its results.
          scope: 'global',
          fn: async () => {
            await scans.failAbandonedScans();
            await scanner.scan('schedule');
          },
        });

        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            scheduler,
            scans,
            deployments: new DeploymentService({ scans, deployments: deploymentStore, platforms }),
            analysis: new AnalysisService({
              scans,
              deployments: deploymentStore,
              analysis: analysisStore,
              platforms,
            }),
          }),
        );
        // Load balancers and uptime checks probe health without credentials.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
