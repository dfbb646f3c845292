import { createApiRef } from '@backstage/frontend-plugin-api';

/** The backend's answer to a health probe. */
export interface BackendHealth {
  status: string;
}

/**
 * The browser's view of the Platform Adoption backend.
 *
 * @public
 */
export interface PlatformAdoptionApi {
  getHealth(): Promise<BackendHealth>;
}

/** @public */
export const platformAdoptionApiRef = createApiRef<PlatformAdoptionApi>({
  id: 'plugin.platform-adoption.api',
});
