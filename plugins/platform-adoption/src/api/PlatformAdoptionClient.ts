import { ResponseError } from '@backstage/errors';
import type {
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { BackendHealth, PlatformAdoptionApi } from './PlatformAdoptionApi';

/**
 * Calls the backend through Backstage's fetch API, which adds the user's
 * credentials, so the backend can apply permissions and catalog visibility.
 */
export class PlatformAdoptionClient implements PlatformAdoptionApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getHealth(): Promise<BackendHealth> {
    return this.get('/health');
  }

  private async get<T>(path: string): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('platform-adoption');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
