/**
 * Repositories a source control host said changed (a push, a merge, a
 * rename) since the last scan read them. A push scan re-reads only these;
 * the rows go once a scan has read the repository after the push.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('repository_pushes', table => {
    table.comment('Repository URLs named by source control events, waiting for a scan');
    table.string('url', 2048).notNullable().primary().comment('the URL the event named: a repository, a folder or a file');
    table.string('pushed_at').notNullable().comment('ISO timestamp of the latest event naming it');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('repository_pushes');
};
