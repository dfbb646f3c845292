import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  GoldenPathOrigin,
  REFERENCE_ANNOTATION,
  SOURCE_TEMPLATE_ANNOTATION,
} from '@platform-adoption/plugin-platform-adoption-common';
import { OrganizationTree } from './OrganizationTree';
import { sourceLocationOf } from '../repositories/sourceLocation';

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

function refOf(target: string | undefined, defaultKind: string) {
  if (!target) return undefined;
  const withKind = target.includes(':') ? target : `${defaultKind}:${target}`;
  const withNamespace = withKind.includes('/')
    ? withKind
    : withKind.replace(':', ':default/');
  return withNamespace.toLocaleLowerCase('en-US');
}

/**
 * A compact picture of the catalog built while streaming it once: the org
 * tree, systems and their domains, and the entities that can own or declare
 * deployments. Memory stays proportional to what a scan needs, not to the
 * catalog's full documents.
 */
export class CatalogSnapshot {
  readonly organization = new OrganizationTree();
  readonly entities = new Map<string, CatalogEntitySummary>();
  private readonly systemDomains = new Map<string, string | undefined>();
  entityCount = 0;

  add(entity: Entity) {
    this.entityCount += 1;
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const spec = (entity.spec ?? {}) as Record<string, any>;

    switch (kind) {
      case 'group':
        this.organization.addGroup({
          ref,
          parentRef: refOf(spec.parent, 'group'),
          title:
            spec.profile?.displayName ?? entity.metadata.title ?? entity.metadata.name,
          type: typeof spec.type === 'string' ? spec.type : undefined,
        });
        return;
      case 'user':
        this.organization.addUser(
          ref,
          (entity.relations ?? [])
            .filter(r => r.type === 'memberOf')
            .map(r => r.targetRef.toLocaleLowerCase('en-US')),
        );
        return;
      case 'system':
        this.systemDomains.set(ref, refOf(spec.domain, 'domain'));
        return;
      case 'component':
      case 'resource':
      case 'api':
        this.entities.set(ref, {
          ref,
          kind,
          type: typeof spec.type === 'string' ? spec.type : undefined,
          tags: (entity.metadata.tags ?? []).map(t => t.toLocaleLowerCase('en-US')),
          annotations: entity.metadata.annotations ?? {},
          ownerRef: refOf(spec.owner, 'group'),
          systemRef: refOf(spec.system, 'system'),
          lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
          sourceLocation: sourceLocationOf(entity),
          dependsOn: (entity.relations ?? [])
            .filter(r => r.type === RELATION_DEPENDS_ON)
            .map(r => r.targetRef.toLocaleLowerCase('en-US')),
          goldenPath: goldenPathOf(entity.metadata.annotations ?? {}),
        });
        return;
      default:
        return;
    }
  }

  domainOf(systemRef: string | undefined) {
    return systemRef ? this.systemDomains.get(systemRef) : undefined;
  }
}
