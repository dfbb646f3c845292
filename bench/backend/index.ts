/*
 * The benchmark's backend: the same plugins as packages/backend that matter
 * for a scan and its API (catalog, auth with guest sign-in, permission with
 * the demo's real policy, Platform Adoption with the confined local
 * UrlReader), plus the bench-only module that runs floors and scans
 * in-process, and — when installed — the community Tech Insights backend
 * as the peer. Started by bench/run.ts with a generated app-config.
 */
import { createBackend } from '@backstage/backend-defaults';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { localRepositoryUrlReaderFactory } from '@platform-adoption/plugin-platform-adoption-backend';
import { demoPermissionPolicyModule } from '../../packages/backend/src/demo/permissionPolicy';
import { platformAdoptionBenchModule } from './benchModule';
import { memoryCatalog } from './memoryCatalog';
import { createPeerModule } from './peerModule';

const backend = createBackend();
backend.add(localRepositoryUrlReaderFactory);
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
const inMemory = memoryCatalog();
if (inMemory) {
  // BENCH_CATALOG=memory: sizes the real catalog cannot ingest in time here.
  backend.add(
    createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => inMemory as any,
    }),
  );
} else {
  backend.add(import('@backstage/plugin-catalog-backend'));
}
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(demoPermissionPolicyModule);
backend.add(import('@platform-adoption/plugin-platform-adoption-backend'));
backend.add(platformAdoptionBenchModule);

if (process.env.BENCH_PEER === '1' && !inMemory) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  backend.add(require('@backstage-community/plugin-tech-insights-backend').default);
  backend.add(createPeerModule());
}

backend.start();
