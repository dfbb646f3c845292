import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import {
  GoldenPathOrigin,
  REFERENCE_ANNOTATION,
  ScanProblem,
  SOURCE_TEMPLATE_ANNOTATION,
} from '@platform-adoption/plugin-platform-adoption-common';
import { OrganizationTree } from './OrganizationTree';
import { describeEntity, normalisedRef, referenceField } from './entityReferences';
import { isMalformedSourceLocation, sourceLocationOf, SOURCE_LOCATION } from '../repositories/sourceLocation';

/**
 * The only fields a scan reads: asking the catalog for less keeps the
 * stream cheap (most of its cost is serialising entities).
 */
export const CATALOG_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.tags',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
  'spec.system',
  'spec.domain',
  'spec.parent',
  'spec.profile.displayName',
  'relations',
];

/** What a scan keeps of an entity that owns software: small on purpose. */
export interface CatalogEntitySummary {
  ref: string;
  kind: string;
  type?: string;
  tags: string[];
  annotations: Record<string, string>;
  ownerRef?: string;
  systemRef?: string;
  lifecycle?: string;
  sourceLocation?: string;
  dependsOn: string[];
  goldenPath?: GoldenPathOrigin;
}

/** `mongodb@3` → the platform and version a golden path rendered. */
function goldenPathOf(annotations: Record<string, string>): GoldenPathOrigin | undefined {
  const template = annotations[SOURCE_TEMPLATE_ANNOTATION];
  if (!template) return undefined;
  const match = /^([\w.-]+)@(\d+)$/.exec(annotations[REFERENCE_ANNOTATION] ?? '');
  return {
    template,
    ...(match ? { platform: match[1], referenceVersion: Number(match[2]) } : {}),
  };
}

const NON_ASCII = /[\u0080-\uffff]/;
/**
 * `toLocaleLowerCase('en-US')`, without the locale lookup for ASCII text
 * (almost every ref and tag), where both give the same result: a scan
 * lower-cases several strings per entity.
 */
const lower = (text: string) => (NON_ASCII.test(text) ? text.toLocaleLowerCase('en-US') : text.toLowerCase());

/**
 * A compact picture of the catalog built while streaming it once: the org
 * tree, systems and their domains, and the entities that can own or declare
 * deployments. Memory stays proportional to what a scan needs, not to the
 * catalog's full documents.
 */
export class CatalogSnapshot {
  readonly organization: OrganizationTree;
  readonly entities = new Map<string, CatalogEntitySummary>();
  private readonly systemDomains: Map<string, string | undefined>;
  entityCount = 0;

  private entityProblems: ScanProblem[] = [];

  /** `onRepository` hears of each source location as the stream reaches it, so reading can start at once. */
  constructor(
    private readonly listener: { onRepository?: (url: string) => void } = {},
    shared?: { organization: OrganizationTree; systemDomains: Map<string, string | undefined> },
  ) {
    this.organization = shared?.organization ?? new OrganizationTree();
    this.systemDomains = shared?.systemDomains ?? new Map();
  }

  /**
   * A copy in which the software entities `refs` are read again: `fresh`
   * holds each one as the catalog has it now, or undefined when it has it
   * no more. The org tree and the systems are shared, not copied: a push
   * scan reads again only the entities behind the pushed repositories.
   */
  withEntities(refs: string[], fresh: Array<Entity | undefined>): CatalogSnapshot {
    const copy = new CatalogSnapshot({}, { organization: this.organization, systemDomains: this.systemDomains });
    const replaced = new Set(refs);
    for (const [ref, entity] of this.entities) if (!replaced.has(ref)) copy.entities.set(ref, entity);
    copy.entityProblems = this.entityProblems.filter(problem => !replaced.has(lower(problem.source)));
    copy.entityCount = this.entityCount - refs.filter(ref => this.entities.has(ref)).length;
    for (const entity of fresh) if (entity) copy.add(entity);
    return copy;
  }

  add(entity: Entity) {
    this.entityCount += 1;
    try {
      this.read(entity);
    } catch (error) {
      // One malformed entity (from a custom processor, or a catalog that
      // does not validate) costs only itself, never the scan.
      const ref = describeEntity(entity);
      this.entityProblems.push({
        source: ref,
        message: `${ref} could not be read and was left out of the scan: ${stringifyError(error)}`,
      });
    }
  }

  /**
   * What the scan tells about the catalog itself: entities it could not
   * read, owners and parents that are no references or point at nothing,
   * and cycles in the group hierarchy.
   */
  get problems(): ScanProblem[] {
    const dangling: ScanProblem[] = [];
    for (const entity of this.entities.values()) {
      const owner = entity.ownerRef;
      if (owner && !this.organization.has(owner)) {
        dangling.push({
          source: entity.ref,
          message: `${entity.ref}: spec.owner ${owner} is not a group or user in the catalog; its deployments belong to no known team`,
        });
      }
    }
    return [...this.entityProblems, ...dangling, ...this.organization.problems()];
  }

  private read(entity: Entity) {
    const ref = lower(stringifyEntityRef(entity));
    const kind = lower(entity.kind);
    const spec = (entity.spec ?? {}) as Record<string, any>;
    const problems = this.entityProblems;

    switch (kind) {
      case 'group':
        this.organization.addGroup({
          ref,
          parentRef: referenceField(ref, spec, 'parent', 'group', problems),
          // Stored as text: a title of another type would fail the whole write.
          title: [spec.profile?.displayName, entity.metadata.title].find(t => typeof t === 'string') ?? entity.metadata.name,
          type: typeof spec.type === 'string' ? spec.type : undefined,
        });
        return;
      case 'user':
        this.organization.addUser(
          ref,
          (entity.relations ?? [])
            .filter(r => r.type === 'memberOf')
            .map(r => lower(r.targetRef)),
        );
        return;
      case 'system':
        this.systemDomains.set(ref, normalisedRef(spec.domain, 'domain'));
        return;
      case 'component':
      case 'resource':
      case 'api': {
        if (spec.owner === undefined || spec.owner === null) {
          problems.push({ source: ref, message: `${ref} has no spec.owner; its deployments belong to no team` });
        }
        const sourceLocation = sourceLocationOf(entity);
        if (isMalformedSourceLocation(entity.metadata.annotations?.[SOURCE_LOCATION])) {
          // Not quoted: a location can carry credentials.
          problems.push({
            source: ref,
            message: `${ref}: annotation ${SOURCE_LOCATION} is not a url: location with an http(s) URL; no repository was read for it`,
          });
        }
        this.entities.set(ref, {
          ref,
          kind,
          type: typeof spec.type === 'string' ? spec.type : undefined,
          tags: (entity.metadata.tags ?? []).filter(t => typeof t === 'string').map(lower),
          annotations: entity.metadata.annotations ?? {},
          ownerRef: referenceField(ref, spec, 'owner', 'group', problems),
          systemRef: normalisedRef(spec.system, 'system'),
          lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
          sourceLocation,
          dependsOn: (entity.relations ?? [])
            .filter(r => r.type === RELATION_DEPENDS_ON)
            .map(r => lower(r.targetRef)),
          goldenPath: goldenPathOf(entity.metadata.annotations ?? {}),
        });
        if (sourceLocation) this.listener.onRepository?.(sourceLocation);
        return;
      }
      default:
        return;
    }
  }

  domainOf(systemRef: string | undefined) {
    return systemRef ? this.systemDomains.get(systemRef) : undefined;
  }
}
