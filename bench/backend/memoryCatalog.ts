/**
 * An in-memory catalog service for sizes the real catalog cannot ingest in
 * reasonable time on the benchmark machine. It serves the generated YAML
 * files as the catalog would after processing them (default namespace,
 * managed-by-location annotation, memberOf / dependsOn / ownedBy / partOf /
 * childOf relations) through the CatalogService calls a scan makes
 * (streamEntities with fields and cursor pages). There is no HTTP, JSON or
 * database behind it, so its "floor" is far below the real catalog's:
 * results measured with it are labelled as such.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

function refOf(target: string, kind: string) {
  const withKind = target.includes(':') ? target : `${kind}:${target}`;
  return (withKind.includes('/') ? withKind : withKind.replace(':', ':default/')).toLocaleLowerCase('en-US');
}

function withRelations(entity: Entity, file: string): Entity {
  const spec = (entity.spec ?? {}) as Record<string, any>;
  const relations: NonNullable<Entity['relations']> = [];
  const add = (type: string, targetRef: string) => relations.push({ type, targetRef });
  if (spec.owner) add('ownedBy', refOf(spec.owner, 'group'));
  if (spec.system) add('partOf', refOf(spec.system, 'system'));
  if (spec.domain) add('partOf', refOf(spec.domain, 'domain'));
  if (spec.parent) add('childOf', refOf(spec.parent, 'group'));
  for (const g of spec.memberOf ?? []) add('memberOf', refOf(g, 'group'));
  for (const d of spec.dependsOn ?? []) add('dependsOn', refOf(d, 'component'));
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      namespace: entity.metadata.namespace ?? 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${file}`,
        'backstage.io/managed-by-origin-location': `file:${file}`,
        ...entity.metadata.annotations,
      },
    },
    relations,
  };
}

/** Copies only the listed dotted paths, as the catalog's `fields` does. */
function pick(entity: Entity, fields: string[] | undefined): Entity {
  if (!fields?.length) return entity;
  const out: any = {};
  for (const field of fields) {
    const parts = field.split('.');
    let src: any = entity;
    for (const p of parts) src = src?.[p];
    if (src === undefined) continue;
    let dst = out;
    for (const p of parts.slice(0, -1)) dst = dst[p] ??= {};
    dst[parts[parts.length - 1]] = src;
  }
  return out;
}

export class MemoryCatalog {
  private readonly byFile = new Map<string, Entity[]>();
  private entities: Entity[] = [];
  private byRef = new Map<string, Entity>();

  constructor(private readonly files: string[]) {
    this.reload();
  }

  /** Re-reads the files (all, or those a change round rewrote). */
  reload(changed: string[] = this.files) {
    for (const file of changed) {
      const entities: Entity[] = [];
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const entity = doc.toJS() as Entity;
        if (entity?.kind) entities.push(withRelations(entity, file));
      }
      this.byFile.set(file, entities);
    }
    this.entities = this.files.flatMap(file => this.byFile.get(file) ?? []);
    this.byRef = new Map(this.entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]));
    return this.entities.length;
  }

  get size() {
    return this.entities.length;
  }

  async queryEntities(request: any = {}) {
    const offset = request.cursor ? Number(Buffer.from(request.cursor, 'base64').toString('utf8')) : 0;
    const fields = request.fields;
    const limit = request.limit ?? this.entities.length;
    const items = this.entities.slice(offset, offset + limit).map(e => pick(e, fields));
    const next = offset + limit;
    return {
      items,
      totalItems: request.totalItems === 'exclude' ? 0 : this.entities.length,
      pageInfo: next < this.entities.length ? { nextCursor: Buffer.from(String(next)).toString('base64') } : {},
    };
  }

  async *streamEntities(request: any = {}) {
    let cursor: string | undefined;
    const limit = request.pageSize ?? 500;
    do {
      const res = await this.queryEntities({ ...request, limit, cursor });
      yield res.items;
      cursor = res.pageInfo.nextCursor;
    } while (cursor);
  }

  async getEntities(request: any = {}) {
    return { items: this.entities.map(e => pick(e, request.fields)) };
  }

  async getEntitiesByRefs(request: { entityRefs: string[]; fields?: string[] }) {
    return {
      items: request.entityRefs.map(ref => {
        const e = this.byRef.get(ref.toLocaleLowerCase('en-US'));
        return e ? pick(e, request.fields) : undefined;
      }),
    };
  }

  async getEntityByRef(ref: string) {
    return this.byRef.get(ref.toLocaleLowerCase('en-US'));
  }

  async refreshEntity() {}
}

let instance: MemoryCatalog | undefined;

/** The in-memory catalog of this process, when the bench backend runs with BENCH_CATALOG=memory. */
export function memoryCatalog(): MemoryCatalog | undefined {
  if (process.env.BENCH_CATALOG !== 'memory') return undefined;
  if (!instance) {
    const state = JSON.parse(fs.readFileSync(path.join(process.env.BENCH_DATA_DIR!, 'state.json'), 'utf8'));
    instance = new MemoryCatalog(state.catalogFiles);
  }
  return instance;
}
