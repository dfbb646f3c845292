/**
 * A running scan's last sign of life. The process running a scan beats
 * every few seconds; a scan left `running` whose beat stopped belongs to a
 * process that died (killed, out of memory, its node drained), and is
 * marked failed instead of showing as running forever.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scans', table => {
    table.string('heartbeat_at').nullable().comment('ISO timestamp of the last beat of a running scan');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scans', table => {
    table.dropColumn('heartbeat_at');
  });
};
