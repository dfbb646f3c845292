/**
 * What the analysis concluded about a scan generation: findings, per
 * platform summaries and org rollups. Written with the generation, so the
 * API always shows findings that match the deployments it serves.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('findings', table => {
    table.comment('Snowflakes, positive deviants and team conventions');
    table.increments('id').primary();
    table.integer('generation').notNullable();
    table.string('platform').notNullable();
    table.string('kind').notNullable();
    table.string('deployment_id').notNullable();
    table.text('deployment_ids').nullable().comment('JSON, team conventions only');
    table.string('team_ref').nullable();
    table.float('score').notNullable();
    table.text('reasons').notNullable().comment('JSON list of reasons');
    table.text('peers').notNullable().comment('JSON: context and size of the peer group');
    table.index(['generation', 'platform', 'kind'], 'findings_platform_idx');
    table.index(['generation', 'deployment_id'], 'findings_deployment_idx');
  });

  await knex.schema.createTable('platform_summaries', table => {
    table.comment('Per platform: consensus, rules, distributions, shadow adoption');
    table.integer('generation').notNullable();
    table.string('platform').notNullable();
    table.text('summary').notNullable().comment('JSON');
    table.primary(['generation', 'platform'], 'platform_summaries_pk');
  });

  await knex.schema.createTable('rollups', table => {
    table.comment('Platform footprint per org unit, including sub-units');
    table.integer('generation').notNullable();
    table.string('platform').notNullable();
    table.string('org_ref').notNullable();
    table.text('counts').notNullable().comment('JSON: deployments, teams, snowflakes…');
    table.primary(['generation', 'platform', 'org_ref'], 'rollups_pk');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rollups');
  await knex.schema.dropTable('platform_summaries');
  await knex.schema.dropTable('findings');
};
