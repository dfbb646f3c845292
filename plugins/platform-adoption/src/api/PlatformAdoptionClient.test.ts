import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PlatformAdoptionClient, deploymentQueryString } from './PlatformAdoptionClient';

const server = setupServer();
registerMswTestHooks(server);

const base = 'http://localhost:7007/api/platform-adoption';

function createClient() {
  return new PlatformAdoptionClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

describe('PlatformAdoptionClient', () => {
  it('sends deployment filters as the backend names them, facets repeated', async () => {
    let received: URL | undefined;
    server.use(
      http.get(`${base}/deployments`, ({ request }) => {
        received = new URL(request.url);
        return HttpResponse.json({ items: [], totalCount: 0, generation: 3, nextCursor: null });
      }),
    );
    const page = await createClient().listDeployments({
      platform: 'mongodb',
      team: 'group:default/digital',
      search: ' orders ',
      facets: [
        { facet: 'backup', value: 'none' },
        { facet: 'backup', value: 'snapshot' },
      ],
      sort: 'facet:version',
      order: 'desc',
      limit: 500,
      cursor: 'abc',
    });
    expect(page.generation).toBe(3);
    expect(received!.searchParams.get('platform')).toBe('mongodb');
    expect(received!.searchParams.get('team')).toBe('group:default/digital');
    expect(received!.searchParams.get('search')).toBe('orders');
    expect(received!.searchParams.getAll('facet')).toEqual(['backup:none', 'backup:snapshot']);
    expect(received!.searchParams.get('sort')).toBe('facet:version');
    expect(received!.searchParams.get('order')).toBe('desc');
    expect(received!.searchParams.get('limit')).toBe('500');
    expect(received!.searchParams.get('cursor')).toBe('abc');
  });

  it('leaves out what is not set', () => {
    expect(deploymentQueryString({})).toBe('');
    expect(deploymentQueryString({ platform: 'redis', order: 'desc' })).toBe('?platform=redis');
  });

  it('reads one entity’s deployments by its ref', async () => {
    server.use(
      http.get(`${base}/entities/component/default/orders-service/deployments`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
    );
    await expect(createClient().getEntityDeployments('component:default/orders-service')).resolves.toEqual({
      items: [],
      totalCount: 0,
    });
  });

  it('calls each read endpoint with its filters', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${base}/*`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(`${url.pathname.replace('/api/platform-adoption', '')}${url.search}`);
        return HttpResponse.json({ items: [], orgUnits: [], summary: null });
      }),
    );
    const client = createClient();
    await client.getOverview();
    await client.listPlatforms();
    await client.listFindings({ platform: 'mongodb', kind: 'snowflake', team: 'group:default/x' });
    await client.getPlatformSummary('mongodb');
    await client.getRollups({ platform: 'mongodb', org: 'group:default/x' });
    await client.getScanStatus();
    await client.listScans({ limit: 10 });
    await client.listScanProblems(7, { limit: 200, offset: 0 });
    await client.getDeployment('a1b2');
    expect(seen).toEqual([
      '/overview',
      '/platforms',
      '/findings?platform=mongodb&kind=snowflake&team=group%3Adefault%2Fx',
      '/platforms/mongodb/summary',
      '/rollups?platform=mongodb&org=group%3Adefault%2Fx',
      '/scans/current',
      '/scans?limit=10',
      '/scans/7/problems?limit=200&offset=0',
      '/deployments/a1b2',
    ]);
  });

  it('calls the reference and governance endpoints with their methods, queries and bodies', async () => {
    const seen: Array<{ method: string; path: string; body?: unknown }> = [];
    const record = async ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
      seen.push({
        method: request.method,
        path: `${url.pathname.replace('/api/platform-adoption', '')}${url.search}`,
        ...(text ? { body: JSON.parse(text) } : {}),
      });
      if (request.method === 'DELETE' && url.pathname.endsWith('/draft')) return new HttpResponse(null, { status: 204 });
      return HttpResponse.json({ ok: true });
    };
    server.use(http.all(`${base}/*`, record));
    const client = createClient();
    const content = { title: 'T', rationale: '', ownerRef: 'group:default/coe', facets: {}, variants: [], practices: [] };
    await client.listReferences();
    await client.getReference('mongodb');
    await client.getReferenceVersion('mongodb', 2);
    await client.diffReferences('mongodb', 1, 3);
    await client.deriveReference('mongodb');
    await client.saveReferenceDraft('mongodb', content);
    await expect(client.discardReferenceDraft('mongodb')).resolves.toBeUndefined();
    await client.previewReference('mongodb', content);
    await client.publishReference('mongodb');
    await client.retireReference('mongodb');
    await client.getConformance({ platform: 'mongodb', entity: 'component:default/x' });
    await client.listExemptions({ platform: 'mongodb', deployment: 'b2' });
    await client.createExemption({ deploymentId: 'b2', facet: 'tls', justification: 'ten chars!', expiresAt: '2027-01-01' });
    await client.revokeExemption('6f1c');
    await client.getHistory({ platform: 'mongodb', org: 'group:default/digital', from: '2026-01-01' });
    await client.listCampaigns({ platform: 'mongodb' });
    await client.createCampaign({ platform: 'mongodb', title: 'C', targetVersion: 2, scope: ['group:default/x'], deadline: '2027-01-01' });
    await client.getCampaign('c1');
    await client.closeCampaign('c1');
    await client.listAudit({ limit: 20 });
    await client.listDeployments({ platform: 'mongodb', kind: 'server', declared: false });
    expect(seen).toEqual([
      { method: 'GET', path: '/references' },
      { method: 'GET', path: '/references/mongodb' },
      { method: 'GET', path: '/references/mongodb/versions/2' },
      { method: 'GET', path: '/references/mongodb/diff?from=1&to=3' },
      { method: 'POST', path: '/references/mongodb/derive', body: {} },
      { method: 'PUT', path: '/references/mongodb/draft', body: content },
      { method: 'DELETE', path: '/references/mongodb/draft' },
      { method: 'POST', path: '/references/mongodb/preview', body: content },
      { method: 'POST', path: '/references/mongodb/publish', body: {} },
      { method: 'POST', path: '/references/mongodb/retire', body: {} },
      { method: 'GET', path: '/conformance?platform=mongodb&entity=component%3Adefault%2Fx' },
      { method: 'GET', path: '/exemptions?platform=mongodb&deployment=b2' },
      {
        method: 'POST',
        path: '/exemptions',
        body: { deploymentId: 'b2', facet: 'tls', justification: 'ten chars!', expiresAt: '2027-01-01' },
      },
      { method: 'DELETE', path: '/exemptions/6f1c' },
      { method: 'GET', path: '/history?platform=mongodb&org=group%3Adefault%2Fdigital&from=2026-01-01' },
      { method: 'GET', path: '/campaigns?platform=mongodb' },
      {
        method: 'POST',
        path: '/campaigns',
        body: { platform: 'mongodb', title: 'C', targetVersion: 2, scope: ['group:default/x'], deadline: '2027-01-01' },
      },
      { method: 'GET', path: '/campaigns/c1' },
      { method: 'POST', path: '/campaigns/c1/close', body: {} },
      { method: 'GET', path: '/audit?limit=20' },
      { method: 'GET', path: '/deployments?platform=mongodb&kind=server&declared=false' },
    ]);
  });

  it('starts a scan with a POST', async () => {
    let method: string | undefined;
    server.use(
      http.post(`${base}/scans`, ({ request }) => {
        method = request.method;
        return HttpResponse.json({ status: 'triggered' }, { status: 202 });
      }),
    );
    await createClient().triggerScan();
    expect(method).toBe('POST');
  });

  it('throws a ResponseError carrying the status and the backend’s message', async () => {
    server.use(
      http.post(`${base}/scans`, () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'a scan is already running; wait for it to finish' },
            request: { method: 'POST', url: '/api/platform-adoption/scans' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    const error = await createClient().triggerScan().catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(409);
    expect(error.cause.message).toBe('a scan is already running; wait for it to finish');
  });
});
