/**
 * A generation's analysis as a few compressed documents instead of a row
 * per finding and per rollup.
 *
 * Nothing queries inside the analysis: readers ask for a generation's
 * findings, summaries or rollups and the store keeps them parsed in memory.
 * A row per finding only cost the writer: at 50,000 entities an analysing
 * scan spent about 0.9 s storing 5,500 findings and 3,000 rollups (3.3 MB of
 * JSON, which PostgreSQL compresses again on its side), while one gzip'd
 * document per platform and kind takes a tenth of that.
 *
 * Per (generation, kind, platform): `findings` (Finding[] sorted by score),
 * `summary` (the PlatformSummary) and `rollups` (OrgRollup[] by org unit).
 *
 * @param {import('knex').Knex} knex
 */
const { gzipSync, gunzipSync } = require('node:zlib');

const pack = value => gzipSync(Buffer.from(JSON.stringify(value)), { level: 1 });
const unpack = body => JSON.parse(gunzipSync(body).toString('utf8'));

exports.up = async function up(knex) {
  await knex.schema.createTable('analysis_documents', table => {
    table.comment('Findings, summaries and rollups of a generation, per kind and platform');
    table.integer('generation').notNullable();
    table.string('kind').notNullable().comment('findings, summary or rollups');
    table.string('platform').notNullable();
    table.binary('body').notNullable().comment('gzip of the JSON document');
    table.primary(['generation', 'kind', 'platform'], 'analysis_documents_pk');
  });

  const documents = new Map();
  const add = (generation, kind, platform, value) => {
    const key = JSON.stringify([generation, kind, platform]);
    const entry = documents.get(key) ?? { generation, kind, platform, values: [] };
    entry.values.push(value);
    documents.set(key, entry);
  };
  for (const r of await knex('findings').orderBy([{ column: 'score', order: 'desc' }, { column: 'id' }])) {
    add(Number(r.generation), 'findings', r.platform, {
      platform: r.platform,
      kind: r.kind,
      deploymentId: r.deployment_id,
      ...(r.deployment_ids ? { deploymentIds: JSON.parse(r.deployment_ids) } : {}),
      ...(r.team_ref ? { teamRef: r.team_ref } : {}),
      score: Number(r.score),
      reasons: JSON.parse(r.reasons),
      peers: JSON.parse(r.peers),
    });
  }
  for (const r of await knex('rollups').orderBy(['org_ref'])) {
    add(Number(r.generation), 'rollups', r.platform, { platform: r.platform, orgRef: r.org_ref, ...JSON.parse(r.counts) });
  }
  for (const r of await knex('platform_summaries')) {
    add(Number(r.generation), 'summary', r.platform, JSON.parse(r.summary));
  }
  for (const { generation, kind, platform, values } of documents.values()) {
    await knex('analysis_documents').insert({
      generation,
      kind,
      platform,
      body: pack(kind === 'summary' ? values[0] : values),
    });
  }

  await knex.schema.dropTable('findings');
  await knex.schema.dropTable('platform_summaries');
  await knex.schema.dropTable('rollups');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('findings', table => {
    table.increments('id').primary();
    table.integer('generation').notNullable();
    table.string('platform').notNullable();
    table.string('kind').notNullable();
    table.string('deployment_id').notNullable();
    table.text('deployment_ids').nullable();
    table.string('team_ref').nullable();
    table.float('score').notNullable();
    table.text('reasons').notNullable();
    table.text('peers').notNullable();
    table.index(['generation', 'platform', 'kind'], 'findings_platform_idx');
    table.index(['generation', 'deployment_id'], 'findings_deployment_idx');
  });
  await knex.schema.createTable('platform_summaries', table => {
    table.integer('generation').notNullable();
    table.string('platform').notNullable();
    table.text('summary').notNullable();
    table.primary(['generation', 'platform'], 'platform_summaries_pk');
  });
  await knex.schema.createTable('rollups', table => {
    table.integer('generation').notNullable();
    table.string('platform').notNullable();
    table.string('org_ref').notNullable();
    table.text('counts').notNullable();
    table.primary(['generation', 'platform', 'org_ref'], 'rollups_pk');
  });
  for (const r of await knex('analysis_documents')) {
    const value = unpack(r.body);
    const generation = Number(r.generation);
    if (r.kind === 'summary') {
      await knex('platform_summaries').insert({ generation, platform: r.platform, summary: JSON.stringify(value) });
    } else if (r.kind === 'rollups') {
      for (const { platform, orgRef, ...counts } of value) {
        await knex('rollups').insert({ generation, platform, org_ref: orgRef, counts: JSON.stringify(counts) });
      }
    } else {
      for (const f of value) {
        await knex('findings').insert({
          generation,
          platform: r.platform,
          kind: f.kind,
          deployment_id: f.deploymentId,
          deployment_ids: f.deploymentIds ? JSON.stringify(f.deploymentIds) : null,
          team_ref: f.teamRef ?? null,
          score: f.score,
          reasons: JSON.stringify(f.reasons),
          peers: JSON.stringify(f.peers),
        });
      }
    }
  }
  await knex.schema.dropTable('analysis_documents');
};
