import { Deployment } from '../domain/deployment';

/** Usage found in a repository that nothing in the catalog declares. */
export interface ShadowUsage {
  platform: string;
  entityRef?: string;
  repository: string;
  teamRef?: string;
  /** `server` when a configuration was found, else only client libraries. */
  kinds: Array<Deployment['kind']>;
  deploymentIds: string[];
}

/** A Resource declaring a platform, with no configuration found anywhere. */
export interface DeclaredWithoutConfiguration {
  platform: string;
  resourceRef: string;
  teamRef?: string;
  deploymentId: string;
}

/**
 * Shadow adoption: what repositories show but the catalog does not declare,
 * and the reverse.
 */
export function shadowAdoption(deployments: Deployment[]) {
  const shadow = new Map<string, ShadowUsage>();
  const declaredOnly: DeclaredWithoutConfiguration[] = [];
  for (const d of deployments) {
    if (!d.repository) {
      if (d.declaredBy) {
        declaredOnly.push({
          platform: d.platform,
          resourceRef: d.declaredBy,
          teamRef: d.teamRef,
          deploymentId: d.id,
        });
      }
      continue;
    }
    if (d.declaredBy) continue;
    const key = `${d.platform}\n${d.repository}`;
    const usage = shadow.get(key) ?? {
      platform: d.platform,
      entityRef: d.entityRef,
      repository: d.repository,
      teamRef: d.teamRef,
      kinds: [],
      deploymentIds: [],
    };
    if (!usage.kinds.includes(d.kind)) usage.kinds.push(d.kind);
    usage.deploymentIds.push(d.id);
    shadow.set(key, usage);
  }
  const byName = (a: { platform: string }, b: { platform: string }) => a.platform.localeCompare(b.platform);
  return {
    shadow: [...shadow.values()].sort((a, b) => byName(a, b) || a.repository.localeCompare(b.repository)),
    declaredWithoutConfiguration: declaredOnly.sort(
      (a, b) => byName(a, b) || a.resourceRef.localeCompare(b.resourceRef),
    ),
  };
}
