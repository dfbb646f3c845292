import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { platformAdoptionPlugin } from './plugin';

const entity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
});

function shownOn(id: string) {
  const extension = platformAdoptionPlugin.getExtension(id as any);
  const tester = createExtensionTester(extension as any);
  const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction) as (
    e: Entity,
  ) => boolean;
  return ['Component', 'Resource', 'Group', 'System', 'User', 'API'].filter(kind =>
    filter(entity(kind)),
  );
}

describe('platformAdoptionPlugin', () => {
  it('provides the page, the API and the entity cards under stable ids', () => {
    for (const id of [
      'api:platform-adoption',
      'page:platform-adoption',
      'entity-card:platform-adoption/platform-usage',
      'entity-card:platform-adoption/team-adoption',
      'entity-card:platform-adoption/system-deployments',
    ]) {
      expect(platformAdoptionPlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('shows each entity card only on the kinds it is about', () => {
    expect(shownOn('entity-card:platform-adoption/platform-usage')).toEqual(['Component', 'Resource']);
    expect(shownOn('entity-card:platform-adoption/team-adoption')).toEqual(['Group']);
    expect(shownOn('entity-card:platform-adoption/system-deployments')).toEqual(['System']);
  });
});
