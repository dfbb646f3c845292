import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { recordReliability } from './__testUtils__/reliabilityReport';
import { as, component, group, repositories, scanAndWait, startPlatformAdoption } from './__testUtils__/testBackend';

/**
 * Malformed requests to every endpoint: each gets a 4xx whose message names
 * the input at fault, never a stack trace, and the backend keeps serving.
 */
const COE = 'user:default/coe-lead';
const api = (p: string) => `/api/platform-adoption${p}`;
const huge = 'x'.repeat(300 * 1024);

type Case = [method: 'get' | 'post' | 'put' | 'delete', path: string, body: unknown, status: number, names: RegExp];
const CASES: Case[] = [
  ['get', '/deployments?limit=0', undefined, 400, /limit/],
  ['get', '/deployments?limit=abc', undefined, 400, /limit/],
  ['get', '/deployments?limit=100000', undefined, 400, /limit/],
  ['get', '/deployments?colour=blue', undefined, 400, /colour/],
  ['get', '/deployments?sort=password', undefined, 400, /sort/],
  ['get', '/deployments?order=sideways', undefined, 400, /order/],
  ['get', '/deployments?facet=backup', undefined, 400, /facet/],
  ['get', '/deployments?team=payments', undefined, 400, /team/],
  ['get', '/deployments?cursor=not-a-cursor', undefined, 400, /cursor/],
  ['get', `/deployments?cursor=${Buffer.from(JSON.stringify({ o: -5, q: 'x' })).toString('base64url')}`, undefined, 400, /cursor/],
  ['get', `/deployments?cursor=${Buffer.from(JSON.stringify({ o: 0, q: 'other-query' })).toString('base64url')}`, undefined, 400, /cursor/],
  ['get', `/deployments?search=${'a'.repeat(500)}`, undefined, 400, /search/],
  ['get', '/deployments/not-hex!', undefined, 400, /deployment id/],
  ['get', '/deployments/abcdef', undefined, 404, /abcdef/],
  ['get', '/entities/component/default/a%20b/deployments', undefined, 400, /entity/],
  ['get', '/findings?kind=bad', undefined, 400, /kind/],
  ['get', '/platforms/nosuch/summary', undefined, 404, /nosuch/],
  ['get', '/rollups?org=x', undefined, 400, /org/],
  ['get', '/scans?limit=-1', undefined, 400, /limit/],
  ['get', '/scans/abc/problems', undefined, 400, /scan id/],
  ['post', '/scans', { now: true }, 400, /now/],
  ['get', '/references/nosuch', undefined, 404, /nosuch/],
  ['get', '/references/mongodb/versions/zero', undefined, 400, /version/],
  ['get', '/references/mongodb/versions/7', undefined, 404, /version 7/],
  ['get', '/references/mongodb/diff?from=1', undefined, 400, /to/],
  ['put', '/references/mongodb/draft', { title: 'x' }, 400, /rationale|ownerRef|facets/],
  ['put', '/references/mongodb/draft', 'not json', 400, /request body is not valid JSON/],
  ['put', '/references/mongodb/draft', { title: 'x', rationale: '', ownerRef: 'group:default/coe', facets: { version: { requirement: { versionRange: 'latest' } } }, variants: [], practices: [] }, 400, /versionRange/],
  ['put', '/references/mongodb/draft', { title: 'x', rationale: '', ownerRef: 'group:default/coe', facets: { environment: { requirement: { equals: 'production' } } }, variants: [], practices: [] }, 400, /context facet/],
  ['put', '/references/mongodb/draft', { title: 'x', rationale: '', ownerRef: 'group:default/coe', facets: {}, variants: [], practices: [], extra: 1 }, 400, /extra/],
  ['put', '/references/mongodb/draft', { title: huge }, 413, /larger than 256kb/],
  ['post', '/references/mongodb/publish', undefined, 409, /no draft/],
  ['post', '/references/mongodb/retire', undefined, 409, /no published/],
  ['post', '/exemptions', { deploymentId: 'abc', facet: 'backup', justification: 'short', expiresAt: '2099-01-01' }, 400, /justification/],
  ['post', '/exemptions', { deploymentId: 'abc', facet: 'backup', justification: 'a long enough reason', expiresAt: 'someday' }, 400, /expiresAt/],
  ['post', '/exemptions', { deploymentId: 'abc', facet: 'backup', justification: 'a long enough reason', expiresAt: '2099-01-01' }, 400, /two years/],
  ['delete', '/exemptions/not-a-uuid', undefined, 400, /exemption id/],
  ['get', '/history?platform=mongodb&from=yesterday', undefined, 400, /from/],
  ['post', '/campaigns', { platform: 'mongodb', title: 'x', targetVersion: 'one', scope: [], deadline: '2099-01-01' }, 400, /targetVersion|scope/],
  ['post', '/campaigns', { platform: 'mongodb', title: 'x', targetVersion: 9, scope: ['group:default/bank'], deadline: '2099-01-01' }, 404, /version 9/],
  ['get', '/campaigns/not-a-uuid', undefined, 400, /campaign id/],
  ['get', '/conformance', undefined, 400, /platform/],
  ['get', '/audit?limit=1e9', undefined, 400, /limit/],
];

describe('malformed API requests', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let server: any;
  /** Case index → whether the request was refused as it should be. */
  const outcomes = new Map<number, boolean>();

  afterAll(() => {
    recordReliability('bad-api-requests', 'badInputs', {
      tried: outcomes.size,
      failed: [...outcomes.values()].filter(ok => !ok).length,
    });
  });

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    const root = repositories({ 'ledger-service/docker-compose.yml': 'services:\n  db:\n    image: mongo:7.0\n' });
    ({ server } = await startPlatformAdoption({
      knex,
      root,
      managers: [COE],
      entities: [group('bank'), component('ledger-service', 'group:default/bank')],
    }));
    await scanAndWait(server, as(COE));
  }, 60_000);

  it.each(CASES.map((c, index) => [...c, index] as const))('%s %s answers %#: an error naming the input', async (method, path, body, status, names, index) => {
    outcomes.set(index, false);
    let req = (request(server) as any)[method](api(path)).set('Authorization', as(COE));
    if (body !== undefined) {
      req = typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body);
    }
    const res = await req;
    const message: string = res.body?.error?.message ?? '';
    expect({ status: res.status, named: names.test(message), message }).toEqual({ status, named: true, message });
    expect(JSON.stringify(res.body)).not.toContain('    at ');
    outcomes.set(index, true);
  });

  it('keeps serving, with nothing stored lost, after every bad input', async () => {
    expect((await request(server).get(api('/health'))).status).toBe(200);
    const still = await request(server).get(api('/deployments')).set('Authorization', as(COE));
    expect(still.body.totalCount).toBe(1);
    // eslint-disable-next-line no-console
    console.log(`bad inputs: ${CASES.length} malformed requests tried`);
  });
});
