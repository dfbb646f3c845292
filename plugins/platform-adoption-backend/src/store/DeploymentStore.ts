import { Deployment } from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { OrgUnit } from '../catalog/OrganizationTree';
import { chunks, insertRows } from './batch';
import {
  DeploymentRow,
  deploymentRowHash,
  encodeFacetValue,
  fromDeploymentRow,
  OPEN_GENERATION,
  toDeploymentRow,
} from './rows';

/** Tables whose rows belong to exactly one generation. */
const GENERATION_TABLES = ['org_units', 'analysis_documents', 'generations'];
/** Of those, the analysis: a later generation with the same analysis shares these documents. */
const ANALYSIS_TABLES = new Set(['analysis_documents']);

const DEPLOYMENT_COLUMNS = [
  'generation',
  'id',
  'platform',
  'kind',
  'name',
  'deployment_key',
  'entity_ref',
  'repository',
  'owner_ref',
  'team_ref',
  'system_ref',
  'domain_ref',
  'environment',
  'declared_by',
  'files',
  'facets',
  'stale',
  'stale_reason',
  'golden_path',
  'until_generation',
  'row_hash',
  'source_hash',
];
const FACET_COLUMNS = ['generation', 'deployment_id', 'platform', 'facet', 'value'];
const ORG_UNIT_COLUMNS = ['generation', 'ref', 'parent_ref', 'title', 'type'];

/** What a scan needs to know of a generation's deployment rows to carry or replace them. */
export interface StoredDeploymentRow {
  id: string;
  /** The generation that wrote the row. */
  generation: number;
  platform: string;
  kind: string;
  repository?: string;
  declaredBy?: string;
  rowHash?: string;
  sourceHash?: string;
}

/** A generation as the registry knows it. */
export interface GenerationInfo {
  generation: number;
  /** The generation whose writes last changed the deployments (equal content, equal number). */
  contentGeneration: number;
  orgHash?: string;
  analysisKey?: string;
}

/** Columns a deployment list can be sorted by, besides any facet. */
export const SORTABLE_COLUMNS = {
  name: 'name',
  platform: 'platform',
  team: 'team_ref',
  entity: 'entity_ref',
  system: 'system_ref',
  environment: 'environment',
} as const;

export type DeploymentSort =
  | { column: keyof typeof SORTABLE_COLUMNS; order: 'asc' | 'desc' }
  | { facet: string; order: 'asc' | 'desc' };

export interface DeploymentQuery {
  platform?: string;
  /** Owning groups to include (a team and its sub-teams, already expanded). */
  teamRefs?: string[];
  systemRef?: string;
  environment?: string;
  entityRef?: string;
  /**
   * Every listed facet must have one of the listed encoded values, or start
   * with one of the prefixes (a version line), or — with `orMissing` — not
   * be stated at all (what "unknown" means in a distribution).
   */
  facets?: Array<{ facet: string; values: string[]; prefixes?: string[]; orMissing?: boolean }>;
  kind?: 'server' | 'client';
  /** true: declared by a Resource; false: found in a repository with nothing declared (shadow). */
  declared?: boolean;
  /** Case-insensitive match on name, entity, repository or team. */
  search?: string;
  /** Only deployments of these entities (what the caller may see). */
  entityRefs?: string[];
  sort?: DeploymentSort;
  limit: number;
  offset: number;
}

/**
 * The rows of `generation`: written by it or before it, and not retired by
 * it or before it. `prefix` is the table alias with its dot (`d.`).
 */
export function visibleIn<Q extends Knex.QueryBuilder>(query: Q, generation: number, prefix = ''): Q {
  query.where(`${prefix}generation`, '<=', generation).andWhere(`${prefix}until_generation`, '>', generation);
  return query;
}

/**
 * Deployments by scan generation, copy-on-write: a row is valid from the
 * generation that wrote it until the one that replaced or removed it, so a
 * scan writes only what changed. A generation is complete before the scan
 * that owns it completes, and readers only ever see completed ones, so a
 * reader never sees half a scan; the generations before it stay intact.
 */
export class DeploymentStore {
  constructor(private readonly db: Knex) {}

  /**
   * Writes new rows for `generation`: deployments that are new or changed
   * since the generation before it. Unchanged deployments are not written
   * again; their rows stay valid (see `retire` for the ones that are not).
   */
  async writeDeployments(
    generation: number,
    deployments: Deployment[],
    sourceHashes?: ReadonlyMap<string, string>,
  ) {
    if (!deployments.length) return;
    const rows = deployments.map(d => {
      const row = toDeploymentRow(generation, d);
      row.until_generation = OPEN_GENERATION;
      row.row_hash = deploymentRowHash(row);
      row.source_hash = sourceHashes?.get(d.id) ?? null;
      return row as unknown as Record<string, unknown>;
    });
    const facetRows = deployments.flatMap(d =>
      Object.entries(d.facets).map(([facet, { value }]) => ({
        generation,
        deployment_id: d.id,
        platform: d.platform,
        facet,
        value: encodeFacetValue(value).slice(0, 1024),
      })),
    );
    await this.db.transaction(async tx => {
      await insertRows(tx, 'deployments', DEPLOYMENT_COLUMNS, rows, { arrays: true });
      await insertRows(tx, 'facet_values', FACET_COLUMNS, facetRows, { arrays: true });
    });
  }

  /**
   * Makes `deployments` the complete content of `generation`: rows equal to
   * a current row are carried, the others written, and current rows not
   * among them retired. (The scanner does the same per repository, without
   * resolving unchanged repositories at all.)
   */
  async writeGeneration(generation: number, deployments: Deployment[]) {
    const current = await this.db('deployments')
      .where('generation', '<', generation)
      .andWhere('until_generation', OPEN_GENERATION)
      .select('id', 'generation', 'row_hash');
    const byId = new Map(current.map(r => [r.id as string, r]));
    const write: Deployment[] = [];
    const retire: Array<{ id: string; generation: number }> = [];
    for (const d of deployments) {
      const old = byId.get(d.id);
      byId.delete(d.id);
      if (old && old.row_hash === deploymentRowHash(toDeploymentRow(generation, d))) continue;
      if (old) retire.push({ id: old.id, generation: Number(old.generation) });
      write.push(d);
    }
    for (const old of byId.values()) retire.push({ id: old.id, generation: Number(old.generation) });
    await this.retire(generation, retire);
    await this.writeDeployments(generation, write);
  }

  /**
   * Ends the validity of rows at `generation`: they stay in the generations
   * before it and are not part of it or any later one.
   */
  async retire(generation: number, rows: ReadonlyArray<{ id: string; generation: number }>) {
    await this.setOnRows('until_generation', 'integer', rows.map(row => ({ ...row, value: generation })));
  }

  /**
   * Records what carried rows are now resolved from. Only called for rows
   * whose content the new inputs reproduce exactly, so every generation
   * that holds them stays as it was.
   */
  async updateSourceHashes(rows: ReadonlyArray<{ id: string; generation: number; sourceHash: string }>) {
    await this.setOnRows('source_hash', 'text', rows.map(row => ({ ...row, value: row.sourceHash })));
  }

  /**
   * Sets one column of the deployment rows named by (generation, id), each
   * to its own value, in one statement per few thousand rows. Rows carried
   * across scans were written by many generations, and a statement per
   * generation (or per value) made a push scan's bookkeeping a few hundred
   * round trips.
   */
  private async setOnRows(
    column: 'until_generation' | 'source_hash',
    type: 'integer' | 'text',
    rows: ReadonlyArray<{ id: string; generation: number; value: string | number }>,
  ) {
    if (!rows.length) return;
    await this.db.transaction(async tx => {
      for (const chunk of chunks(rows, 3000)) {
        const values = chunk.map(() => `(cast(? as integer), ?, cast(? as ${type}))`).join(', ');
        await tx.raw(
          `update deployments set ${column} = v.column3 from (values ${values}) as v
           where deployments.generation = v.column1 and deployments.id = v.column2`,
          chunk.flatMap(row => [row.generation, row.id, row.value]),
        );
      }
    });
  }

  /** Every row of a generation, with only what a scan compares. */
  async storedRows(generation: number): Promise<StoredDeploymentRow[]> {
    const rows = await visibleIn(this.db('deployments'), generation).select(
      'id',
      'generation',
      'platform',
      'kind',
      'repository',
      'declared_by',
      'row_hash',
      'source_hash',
    );
    return rows.map(r => ({
      id: r.id,
      generation: Number(r.generation),
      platform: r.platform,
      kind: r.kind,
      repository: r.repository ?? undefined,
      declaredBy: r.declared_by ?? undefined,
      rowHash: r.row_hash ?? undefined,
      sourceHash: r.source_hash ?? undefined,
    }));
  }

  /**
   * The org units of `generation`; copied inside the database from
   * `previous` when they are the same (`sameAsPrevious`), so an unchanged
   * organisation costs one statement.
   */
  async writeOrgUnits(generation: number, units: OrgUnit[], previous?: { generation: number; same: boolean }) {
    if (previous?.same) {
      await this.db.raw(
        `insert into org_units (generation, ref, parent_ref, title, type)
         select ?, ref, parent_ref, title, type from org_units where generation = ?`,
        [generation, previous.generation],
      );
      return;
    }
    const rows = units.map(u => ({
      generation,
      ref: u.ref,
      parent_ref: u.parentRef ?? null,
      title: u.title,
      type: u.type ?? null,
    }));
    await insertRows(this.db, 'org_units', ORG_UNIT_COLUMNS, rows, { arrays: true });
  }

  async readOrgUnits(generation: number): Promise<OrgUnit[]> {
    const rows = await this.db('org_units').where({ generation });
    return rows.map(r => ({
      ref: r.ref,
      parentRef: r.parent_ref ?? undefined,
      title: r.title,
      type: r.type ?? undefined,
    }));
  }

  /** Registers a generation being written, with what its content is. */
  async registerGeneration(info: GenerationInfo) {
    await this.db('generations')
      .insert({
        generation: info.generation,
        content_generation: info.contentGeneration,
        org_hash: info.orgHash ?? null,
        analysis_key: info.analysisKey ?? null,
      })
      .onConflict('generation')
      .merge();
  }

  async generationInfo(generation: number): Promise<GenerationInfo | undefined> {
    const row = await this.db('generations').where({ generation }).first();
    return row
      ? {
          generation: Number(row.generation),
          contentGeneration: Number(row.content_generation),
          orgHash: row.org_hash ?? undefined,
          analysisKey: row.analysis_key ?? undefined,
        }
      : undefined;
  }

  /**
   * Undoes everything a scan that did not complete wrote: its rows, its
   * retirements and its generation's analysis. The generations before it
   * are exactly as they were.
   */
  async discardGeneration(generation: number) {
    await this.db.transaction(async tx => {
      await tx('facet_values').where({ generation }).delete();
      await tx('deployments').where({ generation }).delete();
      await tx('deployments').where({ until_generation: generation }).update({ until_generation: OPEN_GENERATION });
      for (const table of GENERATION_TABLES) await tx(table).where({ generation }).delete();
    });
  }

  /**
   * Before a scan: removes what scans that did not complete left behind
   * without cleaning up, e.g. when their process died: everything written
   * after `current` (the newest completed generation), and every generation
   * registered by a scan that is not completed. Their rows were never
   * visible in a completed generation; the rows they retired become current
   * again.
   */
  async discardAfter(current: number | undefined) {
    const after = current ?? 0;
    const unfinished = await this.db('generations as g')
      .join('scans as s', 's.id', 'g.generation')
      .whereNot('s.status', 'completed')
      .select('g.generation');
    for (const { generation } of unfinished) await this.discardGeneration(Number(generation));
    await this.db.transaction(async tx => {
      await tx('facet_values').where('generation', '>', after).delete();
      await tx('deployments').where('generation', '>', after).delete();
      await tx('deployments')
        .where('until_generation', '>', after)
        .andWhere('until_generation', '<', OPEN_GENERATION)
        .update({ until_generation: OPEN_GENERATION });
      for (const table of GENERATION_TABLES) await tx(table).where('generation', '>', after).delete();
    });
  }

  /**
   * Removes these generations. Rows they share with a generation that stays
   * (carried rows, shared analysis) stay; rows only they used go. A removed
   * generation newer than every remaining one is undone as if its scan had
   * failed. A removed generation is not to be queried any more: only the
   * rows it shares with the remaining ones are left of it.
   */
  async deleteGenerations(generations: number[]) {
    if (!generations.length) return;
    const deleted = new Set(generations);
    const remaining = (await this.db('generations').select('generation'))
      .map(r => Number(r.generation))
      .filter(g => !deleted.has(g));
    const newestRemaining = remaining.length ? Math.max(...remaining) : -1;
    for (const generation of [...deleted].filter(g => g > newestRemaining).sort((a, b) => b - a)) {
      await this.discardGeneration(generation);
    }
    const older = [...deleted].filter(g => g < newestRemaining);
    if (!older.length) return;
    // Analysis rows a remaining generation shares stay.
    const shared = new Set(
      (await this.db('generations').whereNotIn('generation', older).whereNotNull('analysis_generation').distinct('analysis_generation'))
        .map(r => Number(r.analysis_generation)),
    );
    await this.db.transaction(async tx => {
      for (const table of GENERATION_TABLES) {
        const gone = ANALYSIS_TABLES.has(table) ? older.filter(g => !shared.has(g)) : older;
        for (const chunk of chunks(gone)) await tx(table).whereIn('generation', chunk).delete();
      }
      // A row is used by generation r when generation <= r < until. Rows
      // still valid at the newest remaining generation are used by it (or
      // belong to a scan still running): only rows retired by then can be
      // unused.
      const unused = (query: Knex.QueryBuilder) =>
        query.where('until_generation', '<=', newestRemaining).whereNot(inner => {
          for (const r of remaining) {
            inner.orWhere(used => used.where('generation', '<=', r).andWhere('until_generation', '>', r));
          }
        });
      await tx('facet_values')
        .whereIn(['generation', 'deployment_id'], unused(tx('deployments').select('generation', 'id')))
        .delete();
      await unused(tx('deployments')).delete();
      // Analysis rows of generations removed earlier that no generation shares any more.
      const owners = tx('generations').select('generation');
      const sharers = tx('generations').whereNotNull('analysis_generation').select('analysis_generation');
      for (const table of ANALYSIS_TABLES) {
        await tx(table)
          .where('generation', '<', newestRemaining)
          .whereNotIn('generation', owners)
          .whereNotIn('generation', sharers)
          .delete();
      }
    });
  }

  /**
   * Every generation stored, complete or not. (Deployment rows name the
   * generation that wrote them, which may be gone while later ones share
   * them; analysis rows likewise.)
   */
  async storedGenerations(): Promise<number[]> {
    const found = new Set<number>();
    for (const table of ['generations', 'org_units']) {
      for (const row of await this.db(table).distinct('generation')) found.add(Number(row.generation));
    }
    return [...found].sort((a, b) => a - b);
  }

  async readAll(generation: number, platform?: string): Promise<Deployment[]> {
    const query = visibleIn(this.db<DeploymentRow>('deployments'), generation);
    if (platform) query.andWhere({ platform });
    const rows = await query.orderBy('id');
    return rows.map(fromDeploymentRow);
  }

  /** Per platform: server deployments, client usages and owning teams. */
  async platformCounts(generation: number) {
    const rows = await visibleIn(this.db('deployments'), generation)
      .groupBy('platform')
      .select('platform')
      .select(this.db.raw(`sum(case when kind = 'server' then 1 else 0 end) as servers`))
      .select(this.db.raw(`sum(case when kind = 'client' then 1 else 0 end) as clients`))
      .countDistinct({ teams: 'team_ref' });
    return new Map(
      rows.map((r: any) => [
        r.platform as string,
        { deployments: Number(r.servers), clients: Number(r.clients), teams: Number(r.teams) },
      ]),
    );
  }

  async getMany(generation: number, ids: string[]): Promise<Deployment[]> {
    const result: Deployment[] = [];
    for (const chunk of chunks(ids, 500)) {
      const rows = await visibleIn(this.db<DeploymentRow>('deployments'), generation).whereIn('id', chunk);
      result.push(...rows.map(fromDeploymentRow));
    }
    return result;
  }

  async get(generation: number, id: string): Promise<Deployment | undefined> {
    const row = await visibleIn(this.db<DeploymentRow>('deployments'), generation).where({ id }).first();
    return row ? fromDeploymentRow(row) : undefined;
  }

  /** The entities a query's deployments belong to, for a visibility check before paging. */
  async entityRefsOf(generation: number, q: Omit<DeploymentQuery, 'limit' | 'offset' | 'sort'>) {
    const rows: Array<{ ref: string | null }> = await this.filtered(generation, q).distinct('d.entity_ref as ref');
    return rows.map(r => r.ref).filter((ref): ref is string => Boolean(ref));
  }

  private filtered(generation: number, q: Omit<DeploymentQuery, 'limit' | 'offset' | 'sort'>) {
    const base = visibleIn(this.db<DeploymentRow>('deployments as d'), generation, 'd.');
    if (q.entityRefs) base.whereIn('d.entity_ref', q.entityRefs.length ? q.entityRefs : ['']);
    if (q.platform) base.andWhere('d.platform', q.platform);
    if (q.teamRefs) base.whereIn('d.team_ref', q.teamRefs);
    if (q.systemRef) base.andWhere('d.system_ref', q.systemRef);
    if (q.environment) base.andWhere('d.environment', q.environment);
    if (q.entityRef) {
      base.andWhere(inner =>
        inner.where('d.entity_ref', q.entityRef!).orWhere('d.declared_by', q.entityRef!),
      );
    }
    if (q.kind) base.andWhere('d.kind', q.kind);
    if (q.declared === true) base.whereNotNull('d.declared_by');
    if (q.declared === false) base.whereNull('d.declared_by').whereNotNull('d.repository');
    for (const { facet, values, prefixes = [], orMissing } of q.facets ?? []) {
      // Facet rows belong to one deployment row: (its generation, its id).
      const matching = this.db('facet_values as f')
        .select('f.generation', 'f.deployment_id')
        .where('f.facet', facet)
        .andWhere(inner => {
          inner.whereIn('f.value', values);
          for (const prefix of prefixes) inner.orWhere('f.value', 'like', `${prefix}%`);
        });
      base.andWhere(inner => {
        inner.whereIn(['d.generation', 'd.id'], matching);
        if (orMissing) {
          inner.orWhereNotExists(
            this.db('facet_values as m')
              .select(this.db.raw('1'))
              .whereRaw('m.generation = d.generation')
              .andWhereRaw('m.deployment_id = d.id')
              .andWhere('m.facet', facet),
          );
        }
      });
    }
    if (q.search) {
      const term = `%${q.search.toLocaleLowerCase('en-US')}%`;
      base.andWhere(inner => {
        for (const column of ['d.name', 'd.entity_ref', 'd.repository', 'd.team_ref']) {
          inner.orWhereRaw('lower(??) like ?', [column, term]);
        }
      });
    }
    return base;
  }

  async query(generation: number, q: DeploymentQuery) {
    const base = this.filtered(generation, q);

    const [{ count }] = await base.clone().clearSelect().count<{ count: number | string }[]>({
      count: '*',
    });

    const page = base.clone().select('d.*');
    const sort = q.sort ?? { column: 'name', order: 'asc' };
    if ('facet' in sort) {
      page
        .leftJoin('facet_values as s', join =>
          join
            .on('s.deployment_id', 'd.id')
            .andOn('s.generation', 'd.generation')
            .andOnVal('s.facet', sort.facet),
        )
        .orderBy('s.value', sort.order);
    } else {
      page.orderBy(`d.${SORTABLE_COLUMNS[sort.column]}`, sort.order);
    }
    const rows: DeploymentRow[] = await page.orderBy('d.id').limit(q.limit).offset(q.offset);
    return { items: rows.map(fromDeploymentRow), totalCount: Number(count) };
  }
}
