/**
 * Reference architectures (one editable draft and immutable published
 * versions per platform), exemptions, daily history, campaigns and the
 * audit trail. None of these belong to a scan generation: a scan never
 * touches what the CoE decided.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reference_drafts', table => {
    table.comment('The editable draft of the reference architecture of each platform');
    table.string('platform').primary();
    table.text('content').notNullable().comment('JSON ReferenceArchitectureContent');
    table.integer('based_on_version').nullable();
    table.string('updated_by').notNullable();
    table.string('updated_at').notNullable();
  });

  await knex.schema.createTable('reference_versions', table => {
    table.comment('Published versions: immutable; the newest unretired one is the standard');
    table.string('platform').notNullable();
    table.integer('version').notNullable();
    table.text('content').notNullable();
    table.string('published_by').notNullable();
    table.string('published_at').notNullable();
    table.string('retired_at').nullable();
    table.string('retired_by').nullable();
    table.primary(['platform', 'version'], 'reference_versions_pk');
  });

  await knex.schema.createTable('exemptions', table => {
    table.comment('Leave to deviate from one facet of the standard until a date');
    table.string('id').primary();
    table.string('platform').notNullable();
    table.string('deployment_id').notNullable();
    table.string('facet').notNullable();
    table.text('justification').notNullable();
    table.string('author').notNullable();
    table.string('created_at').notNullable();
    table.string('expires_at').notNullable();
    table.string('revoked_at').nullable();
    table.string('revoked_by').nullable();
    table.index(['platform', 'deployment_id'], 'exemptions_deployment_idx');
  });

  await knex.schema.createTable('history', table => {
    table.comment('One snapshot of the aggregates per day, platform and org unit');
    table.string('day').notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('platform').notNullable();
    table.string('org_ref').notNullable();
    table.integer('generation').notNullable();
    table.text('metrics').notNullable().comment('JSON');
    table.primary(['day', 'platform', 'org_ref'], 'history_pk');
    table.index(['platform', 'org_ref', 'day'], 'history_series_idx');
  });

  await knex.schema.createTable('campaigns', table => {
    table.comment('Standardization initiatives: target version, scope, deadline');
    table.string('id').primary();
    table.string('platform').notNullable();
    table.string('title').notNullable();
    table.integer('target_version').notNullable();
    table.text('scope').notNullable().comment('JSON list of org unit refs');
    table.string('deadline').notNullable();
    table.string('created_by').notNullable();
    table.string('created_at').notNullable();
    table.string('closed_at').nullable();
  });

  await knex.schema.createTable('campaign_progress', table => {
    table.comment('Per campaign, day and team: deployments not yet conforming to the target');
    table.string('campaign_id').notNullable();
    table.string('day').notNullable();
    table.string('team_ref').notNullable();
    table.integer('nonconforming').notNullable();
    table.integer('total').notNullable();
    table.primary(['campaign_id', 'day', 'team_ref'], 'campaign_progress_pk');
  });

  await knex.schema.createTable('audit_events', table => {
    table.comment('Who published, exempted, started or scanned what, and when');
    table.increments('id').primary();
    table.string('at').notNullable();
    table.string('actor').notNullable();
    table.string('action').notNullable();
    table.string('subject').notNullable();
    table.text('details').nullable();
    table.index(['at'], 'audit_events_at_idx');
  });

  await knex.schema.alterTable('deployments', table => {
    table
      .text('golden_path')
      .nullable()
      .comment('JSON: the template and reference version the entity was created from');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployments', table => table.dropColumn('golden_path'));
  for (const table of [
    'audit_events',
    'campaign_progress',
    'campaigns',
    'history',
    'exemptions',
    'reference_versions',
    'reference_drafts',
  ]) {
    await knex.schema.dropTable(table);
  }
};
