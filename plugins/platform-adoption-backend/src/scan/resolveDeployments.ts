import {
  Deployment,
  DetectedDeployment,
  FacetValue,
  GoldenPathOrigin,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { PlatformDetector } from '@platform-adoption/plugin-platform-adoption-node';
import { createHash } from 'node:crypto';
import { CatalogEntitySummary, CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { declaredPlatforms } from '../catalog/declarations';

/** One repository's detections as the scan ends up using them. */
export interface RepositoryOutcome {
  url: string;
  /** Catalog entities whose source location is this repository. */
  entityRefs: string[];
  deployments: DetectedDeployment[];
  /** Set when the read failed and these are the last good detections. */
  staleReason?: string;
}

/** The entity a deployment belongs to, as far as resolving it goes. */
export interface OwnerContext {
  ref: string;
  ownerRef?: string;
  teamRef?: string;
  systemRef?: string;
  domainRef?: string;
  lifecycle?: string;
  goldenPath?: GoldenPathOrigin;
}

/**
 * Everything the catalog contributes to a repository's deployments: its
 * owning entity and the Resources that may declare them. Resolution reads
 * nothing else of the catalog, so an equal context and equal detections
 * give equal deployments — which lets a scan carry them without resolving
 * them again.
 */
export interface ResolutionContext {
  owner: OwnerContext;
  /** Resources the repository's entities are or depend on, with the platforms each declares. */
  declaring: Array<[ref: string, platforms: string[]]>;
}

const KIND_PRIORITY: Record<string, number> = { component: 0, resource: 1, api: 2 };

/** A deployment keeps its id across scans as long as its source and key do. */
export function deploymentId(platform: string, source: string, key: string) {
  return createHash('sha256').update(`${platform}\n${source}\n${key}`).digest('hex').slice(0, 20);
}

/** `${resourceRef}|${platform}`: a declaration some repository configures a server for. */
export const configurationKey = (declaredBy: string, platform: string) => `${declaredBy}|${platform}`;

/** Catalog lifecycles in the words the environment facet uses. */
function environmentOfLifecycle(lifecycle: string | undefined) {
  if (!lifecycle) return undefined;
  const l = lifecycle.toLocaleLowerCase('en-US');
  if (l === 'production') return 'production';
  if (l === 'experimental' || l === 'development') return 'development';
  return l;
}

const byPriority = (a: CatalogEntitySummary, b: CatalogEntitySummary) =>
  (KIND_PRIORITY[a.kind] ?? 9) - (KIND_PRIORITY[b.kind] ?? 9) || a.ref.localeCompare(b.ref);

/**
 * Turns detections into deployments: who owns them (the entity behind the
 * repository, its owner's team, system and domain), which environment they
 * serve, and which Resource declares them. Declared Resources whose
 * configuration was found nowhere become deployments of their own, so
 * "declared but not found" stays visible.
 */
export class DeploymentResolver {
  /** Resource ref → the platforms it declares. */
  readonly declarations = new Map<string, string[]>();

  constructor(private readonly snapshot: CatalogSnapshot, detectors: PlatformDetector[]) {
    for (const entity of snapshot.entities.values()) {
      if (entity.kind !== 'resource') continue;
      const platforms = declaredPlatforms(entity, detectors);
      if (platforms.length) this.declarations.set(entity.ref, platforms);
    }
  }

  /** The context of a repository with these entities; undefined when none is in the catalog. */
  contextOf(entityRefs: string[]): ResolutionContext | undefined {
    const entities: CatalogEntitySummary[] = [];
    for (const ref of entityRefs) {
      const entity = this.snapshot.entities.get(ref);
      if (entity) entities.push(entity);
    }
    if (entities.length > 1) entities.sort(byPriority);
    const owner = entities[0];
    if (!owner) return undefined;
    const declaring: ResolutionContext['declaring'] = [];
    if (this.declarations.size) {
      const candidates = new Set<string>();
      for (const e of entities) if (this.declarations.has(e.ref)) candidates.add(e.ref);
      for (const e of entities) for (const ref of e.dependsOn) if (this.declarations.has(ref)) candidates.add(ref);
      for (const ref of candidates) declaring.push([ref, this.declarations.get(ref)!]);
    }
    return { owner: this.ownerContext(owner), declaring };
  }

  /** A repository's deployments, from its detections and its context only. */
  resolveRepository(
    url: string,
    detections: DetectedDeployment[],
    context: ResolutionContext,
    staleReason?: string,
  ): Deployment[] {
    return detections.map(detected => {
      const deployment = withContext(detected, deploymentId(detected.platform, url, detected.key), context.owner);
      deployment.repository = url;
      const declaring = context.declaring
        .filter(([, platforms]) => platforms.includes(detected.platform))
        .map(([ref]) => ref)
        .sort();
      const byName = declaring.find(ref => {
        const name = ref.split('/')[1] ?? '';
        return name.includes(detected.name) || detected.name.includes(name);
      });
      deployment.declaredBy = byName ?? declaring[0];
      if (staleReason) {
        deployment.stale = true;
        deployment.staleReason = staleReason;
      }
      return deployment;
    });
  }

  /**
   * Deployments of declared Resources whose server configuration no
   * repository showed (`configured` holds `configurationKey`s of the ones
   * found).
   */
  declaredOnly(configured: ReadonlySet<string>): Deployment[] {
    const deployments: Deployment[] = [];
    for (const [ref, platforms] of this.declarations) {
      const resource = this.snapshot.entities.get(ref)!;
      for (const platform of platforms) {
        if (configured.has(configurationKey(ref, platform))) continue;
        const key = `entity:${ref}`;
        const deployment = withContext(
          { platform, kind: 'server', key, name: ref.split('/')[1] ?? ref, files: [], facets: {} },
          deploymentId(platform, ref, key),
          this.ownerContext(resource),
        );
        deployment.declaredBy = ref;
        deployments.push(deployment);
      }
    }
    return deployments;
  }

  private ownerContext(owner: CatalogEntitySummary): OwnerContext {
    return {
      ref: owner.ref,
      ownerRef: owner.ownerRef,
      teamRef: this.snapshot.organization.teamOf(owner.ownerRef),
      systemRef: owner.systemRef,
      domainRef: this.snapshot.domainOf(owner.systemRef),
      lifecycle: owner.lifecycle,
      goldenPath: owner.goldenPath,
    };
  }
}

function withContext(base: DetectedDeployment, id: string, owner: OwnerContext): Deployment {
  const facets: Record<string, FacetValue> = { ...base.facets };
  const lifecycleEnvironment = environmentOfLifecycle(owner.lifecycle);
  const stated = facets.environment?.value;
  if ((stated === undefined || stated === UNKNOWN) && lifecycleEnvironment) {
    facets.environment = {
      value: lifecycleEnvironment,
      evidence: { kind: 'entity', entityRef: owner.ref, field: 'spec.lifecycle' },
    };
  }
  const environment = facets.environment?.value;
  return {
    ...base,
    id,
    facets,
    entityRef: owner.ref,
    ownerRef: owner.ownerRef,
    teamRef: owner.teamRef,
    systemRef: owner.systemRef,
    domainRef: owner.domainRef,
    environment: environment === undefined || environment === UNKNOWN ? undefined : String(environment),
    ...(owner.goldenPath ? { goldenPath: owner.goldenPath } : {}),
  };
}

/** Every deployment of these repositories, plus the declared ones no repository configures. */
export function resolveDeployments(
  snapshot: CatalogSnapshot,
  outcomes: RepositoryOutcome[],
  detectors: PlatformDetector[],
): Deployment[] {
  const resolver = new DeploymentResolver(snapshot, detectors);
  const configured = new Set<string>();
  const deployments: Deployment[] = [];
  for (const outcome of outcomes) {
    const context = resolver.contextOf(outcome.entityRefs);
    if (!context) continue;
    for (const d of resolver.resolveRepository(outcome.url, outcome.deployments, context, outcome.staleReason)) {
      if (d.declaredBy && d.kind === 'server') configured.add(configurationKey(d.declaredBy, d.platform));
      deployments.push(d);
    }
  }
  deployments.push(...resolver.declaredOnly(configured));
  return deployments;
}
