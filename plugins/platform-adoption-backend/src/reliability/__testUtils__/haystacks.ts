import { Knex } from 'knex';
import request from 'supertest';
import { gunzipSync } from 'node:zlib';

/** Every table of the plugin's database, whatever the migrations added. */
async function tableNames(knex: Knex): Promise<string[]> {
  if (knex.client.config.client === 'pg') {
    const rows = await knex('pg_tables').select('tablename').where('schemaname', knex.raw('current_schema()'));
    return rows.map(r => r.tablename);
  }
  const rows = await knex('sqlite_master').select('name').where('type', 'table');
  return rows.map(r => r.name);
}

/** Bytes as text, and unpacked when they are gzip, so a compressed column cannot hide a value. */
function asText(_key: string, value: unknown) {
  const bytes =
    value && typeof value === 'object' && (value as any).type === 'Buffer' && Array.isArray((value as any).data)
      ? Buffer.from((value as any).data)
      : undefined;
  if (!bytes) return value;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return `${bytes.toString('utf8')}\n${gunzipSync(bytes).toString('utf8')}`;
  return bytes.toString('utf8');
}

/** Every row of every table, all columns, as text: one entry per table. */
export async function dumpDatabase(knex: Knex): Promise<Array<{ where: string; text: string }>> {
  const dumps = [];
  for (const table of await tableNames(knex)) {
    const rows = await knex(table).select();
    dumps.push({ where: `table ${table}`, text: JSON.stringify(rows, asText) });
  }
  return dumps;
}

/**
 * Every read endpoint the plugin serves (src/router.ts, src/routes/*), for
 * every platform, team, entity, deployment and scan there is, as the
 * caller sees them: one entry per response.
 */
export async function walkApi(
  server: any,
  auth: string,
  /** Reads only known to the caller: a published version, a campaign. */
  more: string[] = [],
): Promise<Array<{ where: string; text: string }>> {
  const seen: Array<{ where: string; text: string }> = [];
  const get = async (path: string) => {
    const res = await request(server).get(`/api/platform-adoption${path}`).set('Authorization', auth);
    seen.push({ where: `GET ${path} (${res.status})`, text: res.text });
    return res.body;
  };

  for (const path of ['/health', '/overview', '/findings', '/rollups', '/scans', '/scans/current', '/exemptions', '/campaigns', '/audit', '/references']) {
    await get(path);
  }
  const platforms: string[] = (await get('/platforms')).items.map((p: any) => p.id ?? p.platform ?? p);
  for (const platform of platforms) {
    for (const path of [
      `/platforms/${platform}/summary`,
      `/findings?platform=${platform}`,
      `/rollups?platform=${platform}`,
      `/conformance?platform=${platform}`,
      `/history?platform=${platform}`,
      `/references/${platform}`,
    ]) {
      await get(path);
    }
  }

  const deployments: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await get(`/deployments?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    deployments.push(...page.items);
    cursor = page.nextCursor ?? null;
  } while (cursor);
  for (const deployment of deployments) await get(`/deployments/${deployment.id}`);

  const entities = new Set(deployments.map(d => d.entityRef).filter(Boolean));
  for (const ref of entities) {
    const [kind, rest] = ref.split(':');
    await get(`/entities/${kind}/${rest}/deployments`);
  }
  const teams = new Set(deployments.map(d => d.teamRef).filter(Boolean));
  for (const team of teams) {
    await get(`/rollups?org=${team}`);
    await get(`/findings?team=${team}`);
  }
  for (const scan of (await get('/scans')).items) await get(`/scans/${scan.id}/problems?limit=500`);
  for (const path of more) await get(path);
  return seen;
}
