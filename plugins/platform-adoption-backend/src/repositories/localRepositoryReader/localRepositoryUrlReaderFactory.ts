import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { LocalRepositoryUrlReader } from './LocalRepositoryUrlReader';

/**
 * Adds the local repository reader to the backend's `UrlReaderService`.
 * Readers contributed this way are consulted before the built-in ones, and
 * with no `platformAdoption.localRepositories` configured it adds nothing.
 *
 * @public
 */
export const localRepositoryUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  factory: () => LocalRepositoryUrlReader.factory,
});
