import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { platformAdoptionPlugin } from './plugin';
import { localRepositoryUrlReaderFactory } from './repositories/localRepositoryReader';
import { recordReliability } from './__testUtils__/reliabilityReport';

/**
 * The demo enterprise end to end, through Backstage's real catalog: every
 * deployment the generator planted is found with its owning team, a second
 * scan reads nothing again, the analysis reports the planted findings, and
 * the CLI sees the same deployments.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const examples = path.join(repoRoot, 'examples');
const planted = JSON.parse(fs.readFileSync(path.join(examples, 'planted.json'), 'utf8'));
const api = (p: string) => `/api/platform-adoption${p}`;
const auth = mockCredentials.user.header('user:default/tamsin.raman');

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, seconds = 120): Promise<T> {
  for (let i = 0; i < seconds * 4; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const repositoryUrl = (name: string) => `https://git.fernhill.example/${name}/`;

describe('the demo enterprise', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let server: any;
  const all: any[] = [];
  let firstScan: any;

  /** The server deployment of a plant: same platform and repository, most files in common. */
  const matchPlant = (plant: any) =>
    all
      .filter(d => d.kind === 'server' && d.platform === plant.platform && d.repository === repositoryUrl(plant.repository))
      .map(d => ({
        d,
        shared: plant.files.filter((f: string) => d.files.includes(f)).length,
        sameEnvironment: d.environment === plant.environment ? 1 : 0,
      }))
      .filter(x => x.shared > 0)
      .sort((a, b) => b.shared - a.shared || b.sameEnvironment - a.sameEnvironment)[0]?.d;

  beforeAll(async () => {
    const catalogFiles = fs.readdirSync(path.join(examples, 'catalog')).filter(f => f.endsWith('.yaml'));
    // Each plugin gets a database of its own, as in a real backend; ours is
    // kept at hand to look inside.
    knex = await databases.init('SQLITE_3');
    const catalogKnex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        createServiceFactory({
          service: coreServices.database,
          deps: { plugin: coreServices.pluginMetadata },
          factory: ({ plugin }) => ({
            getClient: async () => (plugin.getId() === 'platform-adoption' ? knex : catalogKnex),
          }),
        }),
        platformAdoptionPlugin,
        localRepositoryUrlReaderFactory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Domain', 'Group', 'User'] }],
              locations: catalogFiles.map(f => ({ type: 'file', target: path.join(examples, 'catalog', f) })),
            },
            platformAdoption: {
              localRepositories: [{ baseUrl: 'https://git.fernhill.example/', root: path.join(examples, 'repositories') }],
              schedule: { frequency: { hours: 24 }, timeout: { minutes: 10 }, initialDelay: { hours: 24 } },
            },
          },
        }),
      ],
    });
    server = backend.server;

    // The catalog ingests and stitches asynchronously: wait until every
    // entity of the demo is there with its relations.
    const expected = catalogFiles
      .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(examples, 'catalog', f), 'utf8')))
      .filter(doc => doc.contents).length;
    await waitFor(`the catalog to ingest the demo's ${expected} entities`, async () => {
      let stitched = 0;
      let cursor: string | undefined;
      do {
        const res: any = await request(server)
          .get(`/api/catalog/entities/by-query?limit=1000&fields=kind,relations${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', auth);
        stitched += (res.body.items ?? []).filter(
          (e: any) => e.kind === 'Location' || (e.relations ?? []).length > 0,
        ).length;
        cursor = res.body.pageInfo?.nextCursor;
      } while (cursor);
      return stitched >= expected ? true : undefined;
    }, 180);

    const trigger = await request(server).post(api('/scans')).set('Authorization', auth);
    if (trigger.status !== 202) throw new Error(`scan trigger answered ${trigger.status}`);
    firstScan = await waitFor('the first scan', async () => {
      const res = await request(server).get(api('/scans/current')).set('Authorization', auth);
      if (res.body.lastFailed) throw new Error(res.body.lastFailed.error);
      return res.body.current ?? undefined;
    });

    let cursor: string | null = null;
    do {
      const res: any = await request(server)
        .get(api(`/deployments?limit=500${cursor ? `&cursor=${cursor}` : ''}`))
        .set('Authorization', auth);
      all.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
  }, 240_000);

  it('finds every planted deployment with the right team and environment', () => {
    const wrong: unknown[] = [];
    for (const plant of planted.deployments) {
      const found = matchPlant(plant);
      const seen = found && { team: found.teamRef, environment: found.environment };
      const wanted = { team: `group:default/${plant.owner}`, environment: plant.environment };
      if (JSON.stringify(seen) !== JSON.stringify(wanted)) wrong.push({ repository: plant.repository, seen, wanted });
    }
    expect(wrong).toEqual([]);
  });

  it('reads no repository content again when nothing changed', async () => {
    expect(firstScan.stats.repositoriesRead).toBe(firstScan.stats.repositories);
    await request(server).post(api('/scans')).set('Authorization', auth);
    const second = await waitFor('the second scan', async () => {
      const res = await request(server).get(api('/scans/current')).set('Authorization', auth);
      return res.body.current?.id > firstScan.id ? res.body.current : undefined;
    });
    // One conditional request per repository, each answered "not modified".
    expect(second.stats).toMatchObject({
      repositoriesRead: 0,
      repositoriesUnchanged: firstScan.stats.repositories,
      deployments: firstScan.stats.deployments,
    });
  }, 120_000);

  it('reports the planted snowflakes with the planted facet first, the positive deviants and the shadow usage', async () => {
    const findings = (await request(server).get(api('/findings')).set('Authorization', auth)).body.items;
    const wrong: unknown[] = [];
    for (const plant of planted.deployments.filter((p: any) => p.plant && p.plant.kind !== 'decoy')) {
      const { kind, facet } = plant.plant;
      const id = matchPlant(plant)?.id;
      const finding = findings.find(
        (f: any) => f.kind === kind && (f.deploymentIds ?? [f.deploymentId]).includes(id),
      );
      if (finding?.reasons[0]?.facet !== facet) {
        wrong.push({
          repository: plant.repository,
          wanted: `${kind} on ${facet}`,
          seen: findings
            .filter((f: any) => (f.deploymentIds ?? [f.deploymentId]).includes(id))
            .map((f: any) => `${f.kind}: ${f.reasons.map((r: any) => r.facet).join(', ')}`),
        });
      }
    }
    expect(wrong).toEqual([]);
    for (const platform of [...new Set(planted.deployments.map((d: any) => d.platform))] as string[]) {
      const summary = (await request(server).get(api(`/platforms/${platform}/summary`)).set('Authorization', auth)).body.summary;
      const shadow = summary.shadow.map((s: any) => s.repository.replace('https://git.fernhill.example/', '').replace(/\/$/, ''));
      for (const repository of planted.shadowByPlatform?.[platform] ?? []) expect(shadow).toContain(repository);
      const declaredOnly = summary.declaredWithoutConfiguration.map((d: any) => d.resourceRef);
      const plantedOnly = planted.declaredWithoutConfiguration.filter((ref: string) => ref.includes(platform));
      expect(declaredOnly).toEqual(expect.arrayContaining(plantedOnly));
    }
  });

  it('stores and serves none of the credentials planted in the repositories', async () => {
    const secrets: string[] = planted.secrets.map((s: any) => s.value);
    expect(secrets.length).toBeGreaterThan(0);
    // Every text column the plugin wrote, and every read endpoint's answer.
    const stored: string[] = [];
    for (const table of ['deployments', 'facet_values', 'repositories', 'scan_problems']) {
      stored.push(JSON.stringify(await knex(table).select()));
    }
    // The analysis is stored compressed: its text is what could leak.
    for (const { body } of await knex('analysis_documents').select('body')) {
      stored.push(gunzipSync(body).toString('utf8'));
    }
    for (const endpoint of ['/overview', '/platforms', '/findings', '/rollups', '/scans', '/platforms/mongodb/summary', '/platforms/postgresql/summary']) {
      stored.push(JSON.stringify((await request(server).get(api(endpoint)).set('Authorization', auth)).body));
    }
    stored.push(JSON.stringify(all));
    const haystack = stored.join('\n');
    const leaked = secrets.filter(secret => haystack.includes(secret));
    // eslint-disable-next-line no-console
    console.log(`secrets: ${leaked.length} leaked of ${secrets.length} planted`);
    recordReliability('demo-enterprise-secrets', 'secrets', { tried: secrets.length, failed: leaked.length });
    expect(leaked).toEqual([]);
  });

  it('shows the same deployments as the CLI scan of the same repositories', () => {
    const cli = JSON.parse(
      execFileSync(process.execPath, [path.join(repoRoot, 'packages/cli/bin/platform-adoption'), 'scan', path.join(examples, 'repositories')], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
    const key = (platform: string, repository: string, files: string[]) => `${platform} ${repository} ${[...files].sort().join(',')}`;
    const fromCli = cli.deployments.map((d: any) => key(d.platform, d.repository, d.files)).sort();
    const fromBackend = all
      .filter(d => d.repository)
      .map(d => key(d.platform, d.repository.replace('https://git.fernhill.example/', '').replace(/\/$/, ''), d.files))
      .sort();
    expect(fromBackend).toEqual(fromCli);
  });
});
