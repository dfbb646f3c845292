import {
  routeResolutionApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../../routes';

/** Where legacy apps conventionally mount the page. */
const DEFAULT_PATH = '/platform-adoption';

/**
 * The path of the adoption pages, for links from entity cards. The new
 * frontend system resolves it from the page's route ref; a legacy app has
 * no route resolution API, and gets the conventional mount path.
 */
export function usePlatformAdoptionPath(): string {
  const routeResolution = useApiHolder().get(routeResolutionApiRef);
  try {
    return (
      routeResolution?.resolve(rootRouteRef)?.()?.replace(/\/+$/, '') ??
      DEFAULT_PATH
    );
  } catch {
    return DEFAULT_PATH;
  }
}
