/**
 * Bench-only module of the community Tech Insights backend: runs its
 * built-in entityOwnershipFactRetriever exactly as its FactRetrieverEngine
 * does (handler with the plugin's context, then insertFacts into its store)
 * and returns the timings, so the peer is measured in the same backend, on
 * the same catalog, as our scan.
 */
import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { performance } from 'node:perf_hooks';

export function createPeerModule() {
  // Found through NODE_PATH (bench/.data/peer/node_modules), installed by bench/peer/install.ts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const techInsights = require('@backstage-community/plugin-tech-insights-backend');
  const retriever = techInsights.entityOwnershipFactRetriever;
  return createBackendModule({
    pluginId: 'tech-insights',
    moduleId: 'bench',
    register(reg) {
      reg.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          config: coreServices.rootConfig,
          database: coreServices.database,
          discovery: coreServices.discovery,
          logger: coreServices.logger,
          auth: coreServices.auth,
          urlReader: coreServices.urlReader,
        },
        async init(deps) {
          const { techInsightsStore } = await techInsights.initializePersistenceContext(deps.database, {
            logger: deps.logger,
          });
          const router = Router();
          router.use(express.json());
          router.post('/bench/ownership', async (_req, res) => {
            const start = performance.now();
            // FactRetrieverEngine.createFactRetrieverHandler, step by step.
            const facts = await retriever.handler({
              config: deps.config,
              discovery: deps.discovery,
              logger: deps.logger,
              auth: deps.auth,
              urlReader: deps.urlReader,
              entityFilter: retriever.entityFilter,
            });
            const retrieved = performance.now();
            await techInsightsStore.insertFacts({ id: retriever.id, facts, lifecycle: { maxItems: 1 } });
            const end = performance.now();
            res.json({ facts: facts.length, retrieveMs: retrieved - start, storeMs: end - retrieved, ms: end - start });
          });
          deps.httpRouter.use(router);
        },
      });
    },
  });
}
