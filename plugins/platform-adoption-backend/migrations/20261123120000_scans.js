/**
 * Scans and what they found. A scan writes its deployments under its own
 * generation (the scan id) and becomes current only when it completes, so a
 * failed or interrupted scan never replaces good results.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scans', table => {
    table.comment('One row per scan run; a completed scan is a generation');
    table.increments('id').primary();
    table.string('status').notNullable().comment('running | completed | failed');
    table.string('trigger').notNullable().comment('schedule | manual | startup');
    table.string('started_at').notNullable().comment('ISO timestamp');
    table.string('finished_at').nullable();
    table.text('stats').nullable().comment('JSON: counts and timings');
    table.text('error').nullable();
    table.index(['status', 'id'], 'scans_status_id_idx');
  });

  await knex.schema.createTable('deployments', table => {
    table.comment('Deployments found by a scan, one generation per scan');
    table.integer('generation').notNullable();
    table.string('id').notNullable().comment('stable across scans');
    table.string('platform').notNullable();
    table.string('kind').notNullable().comment('server | client');
    table.string('name').notNullable();
    table.string('deployment_key').notNullable();
    table.string('entity_ref').nullable().comment('the entity the deployment belongs to');
    table.string('repository').nullable().comment('source location URL');
    table.string('owner_ref').nullable();
    table.string('team_ref').nullable().comment('owning group, after resolving users to groups');
    table.string('system_ref').nullable();
    table.string('domain_ref').nullable();
    table.string('environment').nullable();
    table.string('declared_by').nullable().comment('Resource that declares it, if any');
    table.text('files').notNullable().comment('JSON list of paths');
    table.text('facets').notNullable().comment('JSON: facet id -> { value, evidence }');
    table.boolean('stale').notNullable().defaultTo(false);
    table.text('stale_reason').nullable();
    table.primary(['generation', 'id'], 'deployments_pk');
    table.index(['generation', 'platform'], 'deployments_platform_idx');
    table.index(['generation', 'entity_ref'], 'deployments_entity_idx');
    table.index(['generation', 'team_ref'], 'deployments_team_idx');
  });

  await knex.schema.createTable('facet_values', table => {
    table.comment('Deployment facets flattened for filtering and distributions');
    table.integer('generation').notNullable();
    table.string('deployment_id').notNullable();
    table.string('platform').notNullable();
    table.string('facet').notNullable();
    table.string('value', 1024).notNullable().comment('JSON-encoded scalar');
    table.index(['generation', 'platform', 'facet', 'value'], 'facet_values_lookup_idx');
    table.index(['generation', 'deployment_id'], 'facet_values_deployment_idx');
  });

  await knex.schema.createTable('org_units', table => {
    table.comment('The group tree as seen by a scan, for rollups');
    table.integer('generation').notNullable();
    table.string('ref').notNullable();
    table.string('parent_ref').nullable();
    table.string('title').notNullable();
    table.string('type').nullable();
    table.primary(['generation', 'ref'], 'org_units_pk');
  });

  await knex.schema.createTable('repositories', table => {
    table.comment('Last good read of each repository, reused when unchanged or unreadable');
    table.string('url', 2048).notNullable().primary();
    table.string('etag').nullable();
    table
      .string('detectors')
      .nullable()
      .comment('fingerprint of the detectors that produced the detections; another set re-reads');
    table.string('read_at').nullable().comment('ISO timestamp of the last successful read');
    table.text('detections').nullable().comment('JSON: deployments and problems of the last good read');
    table.text('error').nullable().comment('the last read error, cleared on success');
    table.string('error_at').nullable();
  });

  await knex.schema.createTable('scan_problems', table => {
    table.comment('Problems with single inputs; the scan went on without them');
    table.increments('id').primary();
    table.integer('scan_id').notNullable();
    table.string('source', 2048).notNullable().comment('repository URL or entity ref');
    table.string('file', 2048).nullable();
    table.text('message').notNullable();
    table.index(['scan_id'], 'scan_problems_scan_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scan_problems');
  await knex.schema.dropTable('repositories');
  await knex.schema.dropTable('org_units');
  await knex.schema.dropTable('facet_values');
  await knex.schema.dropTable('deployments');
  await knex.schema.dropTable('scans');
};
