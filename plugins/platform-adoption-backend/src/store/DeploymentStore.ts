import { Deployment } from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { OrgUnit } from '../catalog/OrganizationTree';
import {
  DeploymentRow,
  encodeFacetValue,
  fromDeploymentRow,
  toDeploymentRow,
} from './rows';

const WRITE_BATCH = 250;

/** Every table whose rows belong to one scan generation. */
const GENERATION_TABLES = [
  'facet_values',
  'deployments',
  'org_units',
  'findings',
  'platform_summaries',
  'rollups',
];

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
 * Deployments by scan generation. A generation is written in full before
 * the scan that owns it completes, and readers only ever see the current
 * completed one, so a reader never sees half a scan.
 */
export class DeploymentStore {
  constructor(private readonly db: Knex) {}

  async writeDeployments(generation: number, deployments: Deployment[]) {
    const rows = deployments.map(d => toDeploymentRow(generation, d));
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      await this.db('deployments').insert(rows.slice(i, i + WRITE_BATCH));
    }
    const facetRows = deployments.flatMap(d =>
      Object.entries(d.facets).map(([facet, { value }]) => ({
        generation,
        deployment_id: d.id,
        platform: d.platform,
        facet,
        value: encodeFacetValue(value).slice(0, 1024),
      })),
    );
    for (let i = 0; i < facetRows.length; i += WRITE_BATCH) {
      await this.db('facet_values').insert(facetRows.slice(i, i + WRITE_BATCH));
    }
  }

  async writeOrgUnits(generation: number, units: OrgUnit[]) {
    const rows = units.map(u => ({
      generation,
      ref: u.ref,
      parent_ref: u.parentRef ?? null,
      title: u.title,
      type: u.type ?? null,
    }));
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      await this.db('org_units').insert(rows.slice(i, i + WRITE_BATCH));
    }
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

  /** Removes everything written for these generations, analysis included. */
  async deleteGenerations(generations: number[]) {
    if (!generations.length) return;
    for (const table of GENERATION_TABLES) {
      await this.db(table).whereIn('generation', generations).delete();
    }
  }

  /** Every generation that has rows, complete or not. */
  async storedGenerations(): Promise<number[]> {
    const rows = await this.db('deployments').distinct('generation');
    return rows.map(r => Number(r.generation));
  }

  async readAll(generation: number, platform?: string): Promise<Deployment[]> {
    const query = this.db<DeploymentRow>('deployments').where({ generation });
    if (platform) query.andWhere({ platform });
    const rows = await query.orderBy('id');
    return rows.map(fromDeploymentRow);
  }

  /** Per platform: server deployments, client usages and owning teams. */
  async platformCounts(generation: number) {
    const rows = await this.db('deployments')
      .where({ generation })
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
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db<DeploymentRow>('deployments')
        .where({ generation })
        .whereIn('id', ids.slice(i, i + 500));
      result.push(...rows.map(fromDeploymentRow));
    }
    return result;
  }

  async get(generation: number, id: string): Promise<Deployment | undefined> {
    const row = await this.db<DeploymentRow>('deployments').where({ generation, id }).first();
    return row ? fromDeploymentRow(row) : undefined;
  }

  /** The entities a query's deployments belong to, for a visibility check before paging. */
  async entityRefsOf(generation: number, q: Omit<DeploymentQuery, 'limit' | 'offset' | 'sort'>) {
    const rows: Array<{ ref: string | null }> = await this.filtered(generation, q).distinct('d.entity_ref as ref');
    return rows.map(r => r.ref).filter((ref): ref is string => Boolean(ref));
  }

  private filtered(generation: number, q: Omit<DeploymentQuery, 'limit' | 'offset' | 'sort'>) {
    const base = this.db<DeploymentRow>('deployments as d').where('d.generation', generation);
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
      const matching = this.db('facet_values')
        .select('deployment_id')
        .where({ generation, facet })
        .andWhere(inner => {
          inner.whereIn('value', values);
          for (const prefix of prefixes) inner.orWhere('value', 'like', `${prefix}%`);
        });
      base.andWhere(inner => {
        inner.whereIn('d.id', matching);
        if (orMissing) {
          inner.orWhereNotIn('d.id', this.db('facet_values').select('deployment_id').where({ generation, facet }));
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
