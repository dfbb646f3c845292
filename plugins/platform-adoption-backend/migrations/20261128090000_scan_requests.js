/**
 * "Scan now" requests waiting for the scan task. The request reaches one
 * replica while the task may run on another, so the task learns from here
 * that its run was asked for by a person and records the scan as manual.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scan_requests', table => {
    table.comment('Scan now requests not yet taken by a scan');
    table.increments('id');
    table.string('requested_at').notNullable().comment('ISO timestamp of the request');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scan_requests');
};
