/**
 * Copy-on-write generations. A deployment row (and its facet rows) no
 * longer belongs to one generation: it is valid from the generation that
 * wrote it (`generation`) until the generation that replaced or removed it
 * (`until_generation`, exclusive; the largest integer while it is still
 * current). A scan writes only the deployments that changed and retires the
 * ones they replace, instead of rewriting the whole fleet; a generation's
 * deployments are the rows with `generation <= g < until_generation`.
 *
 * Also: a registry of stored generations with what their analysis was
 * computed from (so an unchanged fleet is not analysed again: a generation
 * shares the analysis rows of the one before instead), per
 * repository the problems and number of deployments of its last good read
 * (so a scan need not load every repository's detections), and per day the
 * inputs the history was recorded from.
 *
 * @param {import('knex').Knex} knex
 */
const OPEN = 2147483647;

exports.up = async function up(knex) {
  await knex.schema.alterTable('deployments', table => {
    table
      .integer('until_generation')
      .notNullable()
      .defaultTo(OPEN)
      .comment('first generation without this row (exclusive); 2147483647 while current');
    table.string('row_hash').nullable().comment('hash of the row content, to carry unchanged rows');
    table
      .string('source_hash')
      .nullable()
      .comment('hash of what the row was resolved from (detections, catalog context)');
  });

  // Rows written in full per generation so far: each is valid until the next
  // stored generation.
  const generations = (await knex('deployments').distinct('generation').orderBy('generation')).map(r =>
    Number(r.generation),
  );
  for (let i = 0; i < generations.length - 1; i++) {
    await knex('deployments')
      .where({ generation: generations[i] })
      .update({ until_generation: generations[i + 1] });
  }

  await knex.schema.alterTable('deployments', table => {
    table.dropIndex(['generation', 'platform'], 'deployments_platform_idx');
    table.dropIndex(['generation', 'entity_ref'], 'deployments_entity_idx');
    table.dropIndex(['generation', 'team_ref'], 'deployments_team_idx');
    table.dropIndex(['generation', 'name', 'id'], 'deployments_name_idx');
  });
  await knex.schema.alterTable('deployments', table => {
    table.index(['id', 'generation'], 'deployments_id_idx');
    table.index(['name', 'id'], 'deployments_by_name_idx');
    table.index(['platform', 'name', 'id'], 'deployments_by_platform_idx');
    table.index(['entity_ref'], 'deployments_by_entity_idx');
    table.index(['team_ref'], 'deployments_by_team_idx');
    table.index(['until_generation'], 'deployments_until_idx');
  });

  await knex.schema.alterTable('facet_values', table => {
    table.dropIndex(['generation', 'platform', 'facet', 'value'], 'facet_values_lookup_idx');
  });
  await knex.schema.alterTable('facet_values', table => {
    table.index(['facet', 'value', 'deployment_id', 'generation'], 'facet_values_by_value_idx');
  });

  await knex.schema.createTable('generations', table => {
    table.comment('Stored generations and what their analysis was computed from');
    table.integer('generation').primary();
    table
      .integer('content_generation')
      .notNullable()
      .comment('the generation whose writes last changed the deployments');
    table.string('org_hash').nullable().comment('hash of the org units');
    table.string('analysis_key').nullable().comment('hash of every input of the analysis');
    table
      .integer('analysis_generation')
      .nullable()
      .comment('the generation whose findings, summaries and rollups this one shares (its own when computed)');
  });
  const completed = await knex('scans').where({ status: 'completed' }).select('id');
  const stored = new Set(generations);
  for (const { id } of completed) {
    if (stored.has(Number(id))) {
      await knex('generations').insert({
        generation: Number(id),
        content_generation: Number(id),
        analysis_generation: Number(id),
      });
    }
  }

  await knex.schema.alterTable('repositories', table => {
    table.text('problems').nullable().comment('JSON: the problems of the last good read');
    table.integer('deployment_count').nullable().comment('deployments detected by the last good read');
  });
  // Backfilled in groups of equal values: one statement per group, not per repository.
  const repositories = await knex('repositories').whereNotNull('detections').select('url', 'detections');
  const groups = new Map();
  for (const row of repositories) {
    const detections = JSON.parse(row.detections);
    const key = JSON.stringify([detections.problems ?? [], (detections.deployments ?? []).length]);
    const urls = groups.get(key) ?? [];
    urls.push(row.url);
    groups.set(key, urls);
  }
  for (const [key, urls] of groups) {
    const [problems, count] = JSON.parse(key);
    for (let i = 0; i < urls.length; i += 500) {
      await knex('repositories')
        .whereIn('url', urls.slice(i, i + 500))
        .update({ problems: JSON.stringify(problems), deployment_count: count });
    }
  }

  await knex.schema.createTable('history_days', table => {
    table.comment('Per day: the inputs the recorded history was computed from');
    table.string('day').primary();
    table.string('fingerprint').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('history_days');
  await knex.schema.alterTable('repositories', table => {
    table.dropColumn('problems');
    table.dropColumn('deployment_count');
  });
  await knex.schema.alterTable('facet_values', table => {
    table.dropIndex(['facet', 'value', 'deployment_id', 'generation'], 'facet_values_by_value_idx');
    table.index(['generation', 'platform', 'facet', 'value'], 'facet_values_lookup_idx');
  });
  // Rows carried across generations become one copy per generation again.
  const generations = (await knex('generations').orderBy('generation').select('generation')).map(r =>
    Number(r.generation),
  );
  const columns = [
    'id', 'platform', 'kind', 'name', 'deployment_key', 'entity_ref', 'repository', 'owner_ref', 'team_ref',
    'system_ref', 'domain_ref', 'environment', 'declared_by', 'files', 'facets', 'stale', 'stale_reason', 'golden_path',
  ];
  const list = columns.map(c => `"${c}"`).join(', ');
  for (const g of generations) {
    await knex.raw(
      `insert into deployments (generation, ${list}) select ?, ${list} from deployments where generation < ? and until_generation > ?`,
      [g, g, g],
    );
    await knex.raw(
      `insert into facet_values (generation, deployment_id, platform, facet, value)
       select ?, f.deployment_id, f.platform, f.facet, f.value from facet_values f
       join deployments d on d.generation = f.generation and d.id = f.deployment_id
       where d.generation < ? and d.until_generation > ?`,
      [g, g, g],
    );
  }
  const stored = generations.length ? generations : [-1];
  await knex('facet_values').whereNotIn('generation', stored).delete();
  await knex('deployments').whereNotIn('generation', stored).delete();
  await knex.schema.dropTable('generations');
  await knex.schema.alterTable('deployments', table => {
    table.dropIndex(['id', 'generation'], 'deployments_id_idx');
    table.dropIndex(['name', 'id'], 'deployments_by_name_idx');
    table.dropIndex(['platform', 'name', 'id'], 'deployments_by_platform_idx');
    table.dropIndex(['entity_ref'], 'deployments_by_entity_idx');
    table.dropIndex(['team_ref'], 'deployments_by_team_idx');
    table.dropIndex(['until_generation'], 'deployments_until_idx');
    table.index(['generation', 'platform'], 'deployments_platform_idx');
    table.index(['generation', 'entity_ref'], 'deployments_entity_idx');
    table.index(['generation', 'team_ref'], 'deployments_team_idx');
    table.index(['generation', 'name', 'id'], 'deployments_name_idx');
  });
  await knex.schema.alterTable('deployments', table => {
    table.dropColumn('until_generation');
    table.dropColumn('row_hash');
    table.dropColumn('source_hash');
  });
};
