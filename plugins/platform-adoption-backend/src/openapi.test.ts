import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { createRouter, RouterOptions } from './router';
import { as, component, group, repositories, scanAndWait, startPlatformAdoption } from './__testUtils__/testBackend';
// Both come with @backstage/backend-defaults (through @backstage/backend-openapi-utils)
// and are not dependencies of this package: they check the document, not the plugin.
// eslint-disable-next-line @backstage/no-undeclared-imports
import SwaggerParser from '@apidevtools/swagger-parser';
// eslint-disable-next-line @backstage/no-undeclared-imports
import Ajv from 'ajv';

/**
 * openapi.yaml against the plugin that serves it:
 *
 * 1. the routes createRouter registers and the documented operations are the
 *    same set, both ways;
 * 2. every documented operation answers on the running plugin (no 404 from
 *    the router) with a status it documents, and a body its schema accepts;
 * 3. each operation checks the permission its `x-permission` names, and
 *    needs credentials unless its `security` is empty;
 * 4. the document is valid OpenAPI.
 */

const SPEC_FILE = path.resolve(__dirname, '../openapi.yaml');
const spec = parse(fs.readFileSync(SPEC_FILE, 'utf8'));
const BASE = '/api/platform-adoption';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const READ = 'platform-adoption.read';
const COE = 'user:default/coe-lead';
const READER = 'user:default/reader';

interface Operation {
  /** `GET /platforms/{platform}/summary` */
  key: string;
  method: string;
  path: string;
  op: any;
}

const operations: Operation[] = Object.entries<any>(spec.paths).flatMap(([p, item]) =>
  METHODS.filter(m => item[m]).map(m => ({ key: `${m.toUpperCase()} ${p}`, method: m, path: p, op: item[m] })),
);

/** `/platforms/:platform/summary` → `/platforms/{platform}/summary` */
const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

/** A stand-in for any dependency: every property and call gives itself back. */
function anything(): any {
  const target = function stub() {};
  const proxy: any = new Proxy(target, {
    get: (_t, property) => (property === 'then' ? undefined : proxy),
    apply: () => proxy,
    construct: () => proxy,
  });
  return proxy;
}

/** The mount path of a nested router, recovered from express 4's layer regexp. */
function mountPath(layer: any): string {
  if (layer.regexp?.fast_slash) return '';
  let i = 0;
  const mounted = String(layer.regexp?.source ?? '')
    .replace(/^\^/, '')
    .replace(/\\\/\?\(\?=\\\/\|\$\)$/, '')
    .replace(/\(\?:\\\/\(\[\^\\?\/\]\+\?\)\)/g, () => `/:${layer.keys[i++]?.name}`)
    .replace(/\\([/.-])/g, '$1');
  if (/[\\^$()[\]?*+|]/.test(mounted)) {
    throw new Error(`cannot read the mount path of a nested router from ${layer.regexp}; extend mountPath()`);
  }
  return mounted;
}

/** `METHOD /path` of every route an express router serves, nested routers included. */
function servedRoutes(router: any): string[] {
  const routes: string[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const routePath of [layer.route.path].flat()) {
          if (typeof routePath !== 'string') throw new Error(`route with a non-string path ${routePath}`);
          for (const method of Object.keys(layer.route.methods)) {
            routes.push(`${method === '_all' ? 'ALL' : method.toUpperCase()} ${openApiPath(prefix + routePath)}`);
          }
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        walk(layer.handle.stack, prefix + mountPath(layer));
      }
    }
  };
  walk(router.stack, '');
  return routes;
}

/** OpenAPI 3.0 schema → JSON Schema: `nullable: true` becomes a `null` alternative. */
function jsonSchema(node: any): any {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: any = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, jsonSchema(v)]));
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (out.enum) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const pointer = (...segments: string[]) => segments.map(s => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function resolve(node: any): any {
  if (!node?.$ref) return node;
  const target = String(node.$ref)
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: any, s) => at?.[s.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  if (!target) throw new Error(`${node.$ref} does not resolve`);
  return resolve(target);
}

describe('openapi.yaml', () => {
  it('is a valid OpenAPI document', async () => {
    // validate() mutates what it is given: hand it a copy.
    await expect(SwaggerParser.validate(structuredClone(spec))).resolves.toBeDefined();
    expect(spec.openapi).toMatch(/^3\.0\./);
  });

  it('documents exactly the routes the router serves', async () => {
    const stub = anything();
    const router = await createRouter(
      new Proxy({} as RouterOptions, { get: (_t, property) => (property === 'then' ? undefined : stub) }),
    );
    const served = servedRoutes(router);
    expect(served.length).toBeGreaterThan(20);
    expect(served).toContain('GET /health');
    const documented = operations.map(o => o.key);
    // Each message names what is missing where, so a failure says what to write.
    expect({
      servedButNotDocumented: served.filter(r => !documented.includes(r)),
      documentedButNotServed: documented.filter(r => !served.includes(r)),
      servedTwice: served.filter((r, i) => served.indexOf(r) !== i),
    }).toEqual({ servedButNotDocumented: [], documentedButNotServed: [], servedTwice: [] });
  });

  it('names a permission for every operation that needs credentials', () => {
    const open = operations.filter(o => Array.isArray(o.op.security) && o.op.security.length === 0).map(o => o.key);
    expect(open).toEqual(['GET /health']);
    const withoutPermission = operations
      .filter(o => !open.includes(o.key) && !/^platform-adoption\.[\w.]+$/.test(o.op['x-permission'] ?? ''))
      .map(o => o.key);
    expect(withoutPermission).toEqual([]);
    for (const o of operations.filter(x => !open.includes(x.key))) {
      const permission = o.op['x-permission'];
      const forbidden = resolve(o.op.responses['403']);
      expect({ op: o.key, documents401: Boolean(o.op.responses['401']), forbidden: forbidden?.description }).toEqual({
        op: o.key,
        documents401: true,
        forbidden: expect.stringContaining(permission),
      });
    }
  });
});

/** A MongoDB Community operator replica set in production. */
function mongodbCommunity(name: string, tls: boolean) {
  return [
    'apiVersion: mongodbcommunity.mongodb.com/v1',
    'kind: MongoDBCommunity',
    'metadata:',
    `  name: ${name}-db`,
    '  labels:',
    '    environment: production',
    'spec:',
    '  members: 3',
    '  type: ReplicaSet',
    '  version: "7.0.12"',
    '  security:',
    '    authentication:',
    '      modes: ["SCRAM-SHA-256"]',
    '    tls:',
    `      enabled: ${tls}`,
    '',
  ].join('\n');
}

describe('openapi.yaml against the running plugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(jsonSchema(spec), 'openapi.json');
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  let server: any;
  /** Ids the probe learns as it goes: a real deployment, the exemption and campaign it creates. */
  const known: Record<string, string> = {};
  const results = new Map<string, request.Response>();
  let unroutedAnswer: request.Response;

  const draft = () => spec.components.schemas.ReferenceArchitectureContent.example;
  const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

  /**
   * Values the document's examples cannot know (ids created by this test, a
   * date relative to today); everything else comes from the examples.
   */
  const overrides: Record<string, () => { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown }> = {
    'GET /deployments/{id}': () => ({ path: { id: known.deploymentId } }),
    'GET /references/{platform}/diff': () => ({ query: { from: 1, to: 1 } }),
    'POST /exemptions': () => ({
      body: { ...spec.components.schemas.NewExemption.example, deploymentId: known.deploymentId, expiresAt: inDays(30) },
    }),
    'DELETE /exemptions/{id}': () => ({ path: { id: known.exemptionId } }),
    'GET /campaigns/{id}': () => ({ path: { id: known.campaignId } }),
    'POST /campaigns/{id}/close': () => ({ path: { id: known.campaignId } }),
  };

  /** Operations that must wait for others (publish after the draft…); the rest run in document order. */
  const LATER = [
    'POST /references/{platform}/publish',
    'GET /references',
    'GET /references/{platform}',
    'GET /conformance',
    'GET /history',
    'GET /references/{platform}/versions/{version}',
    'GET /references/{platform}/diff',
    'POST /campaigns',
    'GET /campaigns/{id}',
    'POST /campaigns/{id}/close',
    'POST /references/{platform}/retire',
    'DELETE /exemptions/{id}',
    'DELETE /references/{platform}/draft',
    'POST /scans',
  ];
  const ordered = [
    ...operations.filter(o => !LATER.includes(o.key)),
    ...LATER.map(k => operations.find(o => o.key === k)).filter((o): o is Operation => Boolean(o)),
  ];

  /** A request the operation should accept: its examples, with the overrides above. */
  function requestFor(o: Operation, auth?: string) {
    const extra = overrides[o.key]?.() ?? {};
    const params: any[] = (o.op.parameters ?? []).map(resolve);
    const value = (p: any) => p.example ?? p.schema?.example ?? resolve(p.schema)?.example;
    let url = o.path;
    for (const p of params.filter(x => x.in === 'path')) {
      const v = extra.path?.[p.name] ?? value(p);
      if (v === undefined) throw new Error(`${o.key}: path parameter ${p.name} has no example`);
      url = url.replace(`{${p.name}}`, encodeURIComponent(String(v)));
    }
    const query = new URLSearchParams();
    for (const p of params.filter(x => x.in === 'query' && x.required)) {
      const v = extra.query?.[p.name] ?? value(p);
      if (v === undefined) throw new Error(`${o.key}: required query parameter ${p.name} has no example`);
      query.set(p.name, String(v));
    }
    for (const [name, v] of Object.entries(extra.query ?? {})) query.set(name, String(v));
    const target = `${BASE}${url}${query.toString() ? `?${query}` : ''}`;
    let req = (request(server) as any)[o.method](target);
    if (auth) req = req.set('Authorization', auth);
    const bodySpec = o.op.requestBody?.content?.['application/json'];
    if (o.op.requestBody?.required) {
      const body = extra.body ?? bodySpec?.example ?? resolve(bodySpec?.schema)?.example;
      if (body === undefined) throw new Error(`${o.key}: the request body has no example`);
      req = req.send(body);
    }
    return req as Promise<request.Response>;
  }

  /** Problems with an answer: an undocumented status, or a body its schema rejects. */
  function check(o: Operation, res: request.Response): string[] {
    const response = resolve(o.op.responses[String(res.status)]);
    if (!response) {
      return [`${o.key} answered ${res.status}, which it does not document: ${JSON.stringify(res.body).slice(0, 300)}`];
    }
    if (!response.content) {
      return res.text ? [`${o.key} ${res.status} documents no body but answered ${res.text.slice(0, 200)}`] : [];
    }
    const ref = o.op.responses[String(res.status)].$ref
      ? `openapi.json#${String(o.op.responses[String(res.status)].$ref).slice(1)}/content/application~1json/schema`
      : `openapi.json#/${pointer('paths', o.path, o.method, 'responses', String(res.status), 'content', 'application/json', 'schema')}`;
    if (!validators.has(ref)) validators.set(ref, ajv.compile({ $ref: ref }));
    const validate = validators.get(ref)!;
    if (validate(res.body)) return [];
    return [`${o.key} ${res.status}: the body does not match the schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`];
  }

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    // A production fleet large enough to score (kmin 5): six teams' MongoDB
    // replica sets, one without TLS (a snowflake), and a client usage.
    const teams = ['ledger', 'billing', 'cards', 'fx', 'loans', 'payouts'];
    const root = repositories({
      ...Object.fromEntries(teams.map(t => [`${t}-service/deploy/mongodb.yaml`, mongodbCommunity(t, t !== 'payouts')])),
      'ledger-service/package.json': JSON.stringify({ name: 'ledger-service', dependencies: { mongodb: '^6.8.0' } }),
    });
    ({ server } = await startPlatformAdoption({
      knex,
      root,
      managers: [COE],
      entities: [
        group('payments'),
        ...teams.map(t => group(t, 'payments')),
        ...teams.map(t => component(`${t}-service`, `group:default/${t}`)),
      ],
    }));
    await scanAndWait(server, as(COE));

    unroutedAnswer = await request(server).get(`${BASE}/no-such-route`).set('Authorization', as(COE));
    for (const o of ordered) {
      const res = await requestFor(o, as(COE));
      results.set(o.key, res);
      if (o.key === 'GET /deployments') known.deploymentId = res.body?.items?.[0]?.id;
      if (o.key === 'POST /exemptions') known.exemptionId = res.body?.id;
      if (o.key === 'POST /campaigns') known.campaignId = res.body?.id;
      if (o.key === 'POST /references/{platform}/publish') {
        // Discarding needs a draft again, now that publishing consumed it.
        await request(server).put(`${BASE}/references/mongodb/draft`).set('Authorization', as(COE)).send(draft());
      }
    }
    // Let the scan the probe triggered finish before the backend stops.
    for (let i = 0; i < 150; i++) {
      const status = await request(server).get(`${BASE}/scans/current`).set('Authorization', as(COE));
      if (!status.body.running) break;
      await new Promise(r => setTimeout(r, 200));
    }
  }, 120_000);

  it('serves every documented operation', () => {
    // The router's own 404 (no route matched) has no error body; every
    // handler's 404 is a NotFoundError. Telling them apart relies on that.
    expect({ status: unroutedAnswer.status, error: unroutedAnswer.body?.error }).toEqual({ status: 404, error: undefined });
    const unrouted = ordered
      .filter(o => {
        const res = results.get(o.key)!;
        return res.status === 404 && !res.body?.error;
      })
      .map(o => o.key);
    expect(unrouted).toEqual([]);
  });

  it('answers each operation with a documented status and a body that matches its schema', () => {
    expect(ordered.flatMap(o => check(o, results.get(o.key)!))).toEqual([]);
  });

  it('tags every GET answer with the ETag the document promises', async () => {
    const gets = ordered.filter(o => o.method === 'get' && results.get(o.key)!.status === 200);
    expect(gets.filter(o => !results.get(o.key)!.headers.etag).map(o => o.key)).toEqual([]);
    const first = await request(server).get(`${BASE}/platforms`).set('Authorization', as(COE));
    const again = await request(server)
      .get(`${BASE}/platforms`)
      .set('Authorization', as(COE))
      .set('If-None-Match', String(first.headers.etag));
    expect({ status: again.status, body: again.text }).toEqual({ status: 304, body: '' });
  });

  it('reached the success answer of every operation, so that its schema was checked', () => {
    const notSucceeded = ordered
      .filter(o => results.get(o.key)!.status >= 300)
      .map(o => `${o.key} → ${results.get(o.key)!.status} ${results.get(o.key)!.body?.error?.message ?? ''}`);
    expect(notSucceeded).toEqual([]);
  });

  it('checks the documented permission', async () => {
    const problems: string[] = [];
    for (const o of ordered.filter(x => x.op['x-permission'])) {
      const res = await requestFor(o, as(READER));
      const message: string = res.body?.error?.message ?? '';
      const permission = o.op['x-permission'];
      if (permission === READ && res.status === 403) problems.push(`${o.key}: a reader was denied: ${message}`);
      if (permission !== READ && (res.status !== 403 || !message.includes(permission))) {
        problems.push(`${o.key}: expected 403 naming ${permission}, got ${res.status} ${message}`);
      }
      problems.push(...check(o, res));
    }
    expect(problems).toEqual([]);
  });

  it('needs credentials where the document says so', async () => {
    const problems: string[] = [];
    for (const o of ordered) {
      const res = await requestFor(o);
      const open = Array.isArray(o.op.security) && o.op.security.length === 0;
      if (open ? res.status === 401 : res.status !== 401) {
        problems.push(`${o.key}: ${open ? 'documented open' : 'documented as needing credentials'} but answered ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
