import { mockApis } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { PlatformAdoptionClient } from '../api';
import { mongodb, mongodbDeployments, postgresql, rollups, summary } from './fixtures';

export const MSW_BASE = 'http://localhost:7007/api/platform-adoption';

/**
 * The real client against an msw backend that answers with the fixtures
 * and records every deployment query, so tests see what the browser sends.
 */
export function mswBackend(server: SetupServer) {
  const deploymentQueries: URLSearchParams[] = [];
  server.use(
    http.get(`${MSW_BASE}/platforms`, () => HttpResponse.json({ items: [mongodb, postgresql] })),
    http.get(`${MSW_BASE}/platforms/:id/summary`, () => HttpResponse.json({ summary })),
    http.get(`${MSW_BASE}/rollups`, () => HttpResponse.json(rollups)),
    http.get(`${MSW_BASE}/deployments`, ({ request }) => {
      deploymentQueries.push(new URL(request.url).searchParams);
      return HttpResponse.json({
        items: mongodbDeployments,
        totalCount: mongodbDeployments.length,
        generation: 7,
        nextCursor: null,
      });
    }),
  );
  const api = new PlatformAdoptionClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return { api, deploymentQueries };
}
