/*
 * The demo and integration backend: stock Backstage plugins plus the
 * Platform Adoption plugin and its catalog and scaffolder modules.
 */
import { createBackend } from '@backstage/backend-defaults';
import { localRepositoryUrlReaderFactory } from '@platform-adoption/plugin-platform-adoption-backend';
import { demoPermissionPolicyModule } from './demo/permissionPolicy';
import { demoPersonasModule } from './demo/personas';

const backend = createBackend();

// The demo's repositories are folders in examples/, read through a UrlReader
// confined to them (platformAdoption.localRepositories in app-config.yaml).
backend.add(localRepositoryUrlReaderFactory);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(demoPersonasModule);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// A real policy: the CoE group manages reference architectures, exemptions,
// campaigns and scans; everyone else reads.
backend.add(demoPermissionPolicyModule);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@platform-adoption/plugin-platform-adoption-backend'));
backend.add(
  import('@platform-adoption/plugin-catalog-backend-module-platform-adoption'),
);
backend.add(
  import(
    '@platform-adoption/plugin-scaffolder-backend-module-platform-adoption'
  ),
);

backend.start();
