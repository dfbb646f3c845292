import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/** Fetches one published reference architecture version from the platform-adoption backend. */
export type ReferenceFetcher = (
  platform: string,
  version: number,
) => Promise<unknown>;

/**
 * Reads `GET /api/platform-adoption/references/:platform/versions/:version`
 * with the scaffolder's own service credentials.
 */
export function createReferenceFetcher(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  fetch?: typeof fetch;
}): ReferenceFetcher {
  const { discovery, auth } = options;
  const doFetch = options.fetch ?? fetch;
  return async (platform, version) => {
    const baseUrl = await discovery.getBaseUrl('platform-adoption');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'platform-adoption',
    });
    const response = await doFetch(
      `${baseUrl}/references/${encodeURIComponent(
        platform,
      )}/versions/${version}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response as any);
      throw new Error(
        `could not read reference architecture ${platform}@${version} from the platform-adoption backend: ${
          error.body?.error?.message ?? error.message
        }`,
      );
    }
    return response.json();
  };
}
