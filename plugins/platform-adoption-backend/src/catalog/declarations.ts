import { PlatformDetector } from '@platform-adoption/plugin-platform-adoption-node';
import { CatalogEntitySummary } from './CatalogSnapshot';

/**
 * The platforms a catalog entity declares itself to be a deployment of: a
 * Resource whose `spec.type`, tags or annotations match a platform's entity
 * signals. Components depend on such Resources; they are not deployments.
 */
export function declaredPlatforms(
  entity: CatalogEntitySummary,
  detectors: PlatformDetector[],
): string[] {
  if (entity.kind !== 'resource') return [];
  const type = entity.type?.toLocaleLowerCase('en-US');
  return detectors
    .filter(({ entitySignals: signals }) => {
      if (type && signals.resourceTypes?.some(t => t.toLocaleLowerCase('en-US') === type)) {
        return true;
      }
      if (signals.tags?.some(t => entity.tags.includes(t.toLocaleLowerCase('en-US')))) {
        return true;
      }
      return signals.annotations?.some(a => a in entity.annotations) ?? false;
    })
    .map(d => d.platform.id);
}
