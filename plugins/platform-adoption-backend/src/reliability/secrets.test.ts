import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { capturingLogger } from '../__testUtils__/capturingLogger';
import { testDatabaseIds } from '../__testUtils__/databases';
import { recordReliability } from '../__testUtils__/reliabilityReport';
import { as, repositories, scanAndWait, startPlatformAdoption } from '../__testUtils__/testBackend';
import { dumpDatabase, walkApi } from './__testUtils__/haystacks';
import { plantCredentials, SEARCH_PLATFORM } from './__testUtils__/plantedCredentials';

/**
 * Credentials planted in every format the scanner reads are found (the
 * deployments they sit in are there) and stored, served and logged
 * nowhere: not in any column of any table, not in any response of any read
 * endpoint, not in any line logged while scanning.
 */
const COE = 'user:default/coe-lead';
const auth = as(COE);
const leakedIn = new Map<string, boolean>();

afterAll(() => {
  const leaked = [...leakedIn.values()].filter(Boolean).length;
  recordReliability('secrets', 'secrets', { tried: leakedIn.size, failed: leaked });
});

/** Publishes a MongoDB standard, opens a campaign for it and scans again; the campaign's id. */
async function governAndScanAgain(server: any): Promise<string> {
  const send = (method: 'put' | 'post', path: string, body?: object) =>
    request(server)[method](`/api/platform-adoption${path}`).set('Authorization', auth).send(body);
  const draft = await send('put', '/references/mongodb/draft', {
    title: 'MongoDB replica sets',
    rationale: 'Three members, TLS and SCRAM everywhere.',
    ownerRef: 'group:default/platform-team',
    facets: { version: { requirement: { versionRange: '>=7.0' } }, tls: { requirement: { equals: true } } },
    variants: [],
    practices: [],
  });
  const published = await send('post', '/references/mongodb/publish');
  const campaign = await send('post', '/campaigns', {
    platform: 'mongodb',
    title: 'Reach the MongoDB standard',
    targetVersion: 1,
    scope: ['group:default/platform-team'],
    deadline: new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10),
  });
  if (draft.status !== 200 || published.status !== 201 || campaign.status !== 201) {
    throw new Error(`governance setup answered ${draft.status}, ${published.status}, ${campaign.status}: ${campaign.text}`);
  }
  const current = (await request(server).get('/api/platform-adoption/scans/current').set('Authorization', auth)).body.current;
  await scanAndWait(server, auth, current.id);
  return campaign.body.id;
}

describe.each(testDatabaseIds())('planted credentials on %s', databaseId => {
  const databases = TestDatabases.create({ ids: [databaseId] });
  const { files, entities, planted } = plantCredentials();
  const logger = capturingLogger();
  let haystacks: Array<{ where: string; text: string }> = [];
  let deployments: any[] = [];

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startPlatformAdoption({
      knex,
      root: repositories(files),
      entities,
      managers: [COE],
      config: { platforms: [SEARCH_PLATFORM] },
      features: [logger.factory, mockServices.scheduler.factory()],
    });
    await scanAndWait(server, auth);
    // Deriving a reference reads the fleet's values into a draft: one more place a value could surface.
    const derived = [];
    for (const platform of ['mongodb', 'postgresql', 'kafka', 'redis', 'vault', 'search']) {
      const res = await request(server).post(`/api/platform-adoption/references/${platform}/derive`).set('Authorization', auth);
      derived.push({ where: `POST /references/${platform}/derive (${res.status})`, text: res.text });
    }
    // A published standard and a campaign make conformance, history and
    // campaign progress compare the planted deployments' values too.
    const campaign = await governAndScanAgain(server);
    const api = await walkApi(server, auth, ['/references/mongodb/versions/1', `/campaigns/${campaign}`]);
    deployments = JSON.parse(api.find(a => a.where.startsWith('GET /deployments?limit=500'))!.text).items;
    haystacks = [
      ...(await dumpDatabase(knex)),
      ...api,
      ...derived,
      { where: 'the log', text: logger.lines.join('\n') },
    ];
  }, 90_000);

  it('reads the files the credentials are planted in', () => {
    // Otherwise "nothing leaked" would only mean "nothing was read".
    const found = new Set(deployments.map(d => `${d.platform} ${d.repository?.replace(/^https:\/\/[^/]+\//, '')}`));
    expect([...found].sort()).toEqual(
      expect.arrayContaining([
        'mongodb payments-mongo/',
        'postgresql ledger-postgres/',
        'mongodb orders-stack/',
        'postgresql orders-stack/',
        'redis orders-stack/',
        'kafka events-kafka/',
        'mongodb cards-service/',
        'postgresql infra-live/',
        'redis infra-live/',
        'vault secrets-vault/',
        'search catalog-search/',
        'postgresql creds-in-url/',
      ]),
    );
    expect(haystacks.filter(h => h.where.startsWith('table ')).length).toBeGreaterThan(5);
    // Every read answered: an error page would hide what the endpoint serves.
    expect(haystacks.filter(h => h.where.startsWith('GET ') && !h.where.endsWith('(200)')).map(h => h.where)).toEqual([]);
    expect(logger.lines.some(line => /scan \d+ completed/.test(line))).toBe(true);
  });

  it('stores, serves and logs none of them', () => {
    const leaks = planted.flatMap(credential => {
      const places = haystacks.filter(h => credential.forms.some(form => h.text.includes(form))).map(h => h.where);
      leakedIn.set(credential.what, (leakedIn.get(credential.what) ?? false) || places.length > 0);
      return places.length ? [`${credential.what}: in ${places.join(', ')}`] : [];
    });
    // eslint-disable-next-line no-console
    const searched = (prefix: string) => haystacks.filter(h => h.where.startsWith(prefix)).length;
    console.log(
      `secrets: ${leaks.length} leaked of ${planted.length} planted (${databaseId}: searched ${searched('table ')} tables, ` +
        `${searched('GET ') + searched('POST ')} responses, ${logger.lines.length} log lines)`,
    );
    expect(leaks).toEqual([]);
  });
});
