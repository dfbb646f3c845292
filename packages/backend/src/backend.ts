/*
 * The demo and integration backend's features: stock Backstage plugins plus
 * the Platform Adoption plugin and its catalog and scaffolder modules. The
 * permission policy is the caller's: src/index.ts adds the demo's, the
 * reliability tests a conditional catalog policy of their own.
 */
import { createBackend } from '@backstage/backend-defaults';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { localRepositoryUrlReaderFactory } from '@platform-adoption/plugin-platform-adoption-backend';
import { demoPersonasModule } from './demo/personas';

export function createProductBackend(options: { permissionPolicy: BackendFeature }) {
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
  backend.add(options.permissionPolicy);

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
  return backend;
}
