import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import type { RenderResult } from '@testing-library/react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PlatformAdoptionApi, platformAdoptionApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { createFakeApi } from './fakeApi';

/**
 * Renders a view inside a test app: the given (or a fake) backend API, a
 * permission answer, and the routes links resolve against.
 */
export function renderView(
  element: JSX.Element,
  options: {
    api?: PlatformAdoptionApi;
    /** Whether the user may trigger scans (and anything else). */
    allow?: boolean;
    /** The URL the test starts at; the element is mounted at `mountPath`. */
    at?: string;
    mountPath?: string;
  } = {},
): RenderResult & { api: jest.Mocked<PlatformAdoptionApi> } {
  const api = options.api ?? createFakeApi();
  const result = renderInTestApp(element, {
    apis: [
      [platformAdoptionApiRef, api],
      mockApis.permission({
        authorize:
          options.allow === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }),
    ],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/platform-adoption': rootRouteRef,
    },
    mountPath: options.mountPath,
    initialRouteEntries: options.at ? [options.at] : undefined,
  });
  // A real client passed in is not a mock; tests only read mocks' calls.
  return { ...result, api: api as jest.Mocked<PlatformAdoptionApi> };
}
