import {
  Deployment,
  DetectedDeployment,
  FacetValue,
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

const KIND_PRIORITY: Record<string, number> = { component: 0, resource: 1, api: 2 };

/** A deployment keeps its id across scans as long as its source and key do. */
export function deploymentId(platform: string, source: string, key: string) {
  return createHash('sha256').update(`${platform}\n${source}\n${key}`).digest('hex').slice(0, 20);
}

/** Catalog lifecycles in the words the environment facet uses. */
function environmentOfLifecycle(lifecycle: string | undefined) {
  if (!lifecycle) return undefined;
  const l = lifecycle.toLocaleLowerCase('en-US');
  if (l === 'production') return 'production';
  if (l === 'experimental' || l === 'development') return 'development';
  return l;
}

/**
 * Turns detections into deployments: who owns them (the entity behind the
 * repository, its owner's team, system and domain), which environment they
 * serve, and which Resource declares them. Declared Resources whose
 * configuration was found nowhere become deployments of their own, so
 * "declared but not found" stays visible.
 */
export function resolveDeployments(
  snapshot: CatalogSnapshot,
  outcomes: RepositoryOutcome[],
  detectors: PlatformDetector[],
): Deployment[] {
  const declarations = new Map<string, string[]>(); // resource ref -> platforms
  for (const entity of snapshot.entities.values()) {
    const platforms = declaredPlatforms(entity, detectors);
    if (platforms.length) declarations.set(entity.ref, platforms);
  }
  const configured = new Set<string>(); // `${resourceRef}|${platform}` with a server found

  const withContext = (
    base: DetectedDeployment,
    id: string,
    owner: CatalogEntitySummary,
  ): Deployment => {
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
      teamRef: snapshot.organization.teamOf(owner.ownerRef),
      systemRef: owner.systemRef,
      domainRef: snapshot.domainOf(owner.systemRef),
      environment:
        environment === undefined || environment === UNKNOWN ? undefined : String(environment),
      ...(owner.goldenPath ? { goldenPath: owner.goldenPath } : {}),
    };
  };

  const deployments: Deployment[] = [];
  for (const outcome of outcomes) {
    const entities = outcome.entityRefs
      .map(ref => snapshot.entities.get(ref))
      .filter((e): e is CatalogEntitySummary => Boolean(e))
      .sort((a, b) => (KIND_PRIORITY[a.kind] ?? 9) - (KIND_PRIORITY[b.kind] ?? 9) || a.ref.localeCompare(b.ref));
    const owner = entities[0];
    if (!owner) continue;
    const candidates = [
      ...entities.filter(e => declarations.has(e.ref)).map(e => e.ref),
      ...entities.flatMap(e => e.dependsOn).filter(ref => declarations.has(ref)),
    ];

    for (const detected of outcome.deployments) {
      const deployment = withContext(
        detected,
        deploymentId(detected.platform, outcome.url, detected.key),
        owner,
      );
      deployment.repository = outcome.url;
      const declaring = [...new Set(candidates)]
        .filter(ref => declarations.get(ref)!.includes(detected.platform))
        .sort();
      const byName = declaring.find(ref => {
        const name = ref.split('/')[1] ?? '';
        return name.includes(detected.name) || detected.name.includes(name);
      });
      deployment.declaredBy = byName ?? declaring[0];
      if (deployment.declaredBy && detected.kind === 'server') {
        configured.add(`${deployment.declaredBy}|${detected.platform}`);
      }
      if (outcome.staleReason) {
        deployment.stale = true;
        deployment.staleReason = outcome.staleReason;
      }
      deployments.push(deployment);
    }
  }

  for (const [ref, platforms] of declarations) {
    const resource = snapshot.entities.get(ref)!;
    for (const platform of platforms) {
      if (configured.has(`${ref}|${platform}`)) continue;
      const key = `entity:${ref}`;
      const deployment = withContext(
        {
          platform,
          kind: 'server',
          key,
          name: ref.split('/')[1] ?? ref,
          files: [],
          facets: {},
        },
        deploymentId(platform, ref, key),
        resource,
      );
      deployment.declaredBy = ref;
      deployments.push(deployment);
    }
  }
  return deployments;
}
