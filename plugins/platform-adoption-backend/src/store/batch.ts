import { Knex } from 'knex';

/**
 * Parameters per statement: SQLite allows 32766, PostgreSQL 65535. Rows are
 * inserted as many per statement as fit, so a generation costs a few
 * statements instead of one per few hundred rows.
 */
const MAX_PARAMETERS = 30000;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Rows per PostgreSQL statement (one array parameter per column, whatever the count). */
const PG_ROWS_PER_STATEMENT = 20000;

/** PostgreSQL types of the columns that are not text, by name (the same in every table). */
const PG_TYPES: Record<string, string> = {
  generation: 'integer',
  until_generation: 'integer',
  scan_id: 'integer',
  deployment_count: 'integer',
  stale: 'boolean',
  score: 'double precision',
};

/**
 * Inserts rows with as few statements as the database allows, without the
 * query builder's per-row work. Every row must have the listed columns
 * (missing ones are written as null).
 *
 * Multi-row `insert … values (…), (…)`, as many rows per statement as the
 * parameter limit allows. With `arrays`, on PostgreSQL: `insert … select *
 * from unnest(…)` with one array per column, which binds many rows of many
 * columns two to four times faster than a values list there (a few rows of
 * large text, such as JSON documents, are as fast as a values list).
 */
export async function insertRows(
  db: Knex | Knex.Transaction,
  table: string,
  columns: string[],
  rows: ReadonlyArray<Record<string, unknown>>,
  options: { onConflict?: string; arrays?: boolean } = {},
) {
  if (!rows.length) return;
  // Upsert, in the syntax SQLite and PostgreSQL share: the other columns take the new values.
  const tail = options.onConflict
    ? ` on conflict (${quote(options.onConflict)}) do update set ${columns
        .filter(c => c !== options.onConflict)
        .map(c => `${quote(c)} = excluded.${quote(c)}`)
        .join(', ')}`
    : '';
  const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) `;
  if (options.arrays && db.client.dialect === 'postgresql') {
    const arrays = columns.map(c => `?::${PG_TYPES[c] ?? 'text'}[]`).join(', ');
    for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
      const batch = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
      const values = columns.map(column => batch.map(row => row[column] ?? null));
      await db.raw(`${head}select * from unnest(${arrays})${tail}`, values as Knex.RawBinding[]);
    }
    return;
  }
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const bindings: unknown[] = new Array(batch.length * columns.length);
    let i = 0;
    for (const row of batch) {
      for (const column of columns) bindings[i++] = row[column] ?? null;
    }
    await db.raw(`${head}values ${new Array(batch.length).fill(tuple).join(', ')}${tail}`, bindings as Knex.RawBinding[]);
  }
}

/** A list cut into pieces small enough for one `where … in (…)` each. */
export function chunks<T>(values: ReadonlyArray<T>, size = 5000): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < values.length; i += size) result.push(values.slice(i, i + size));
  return result;
}
