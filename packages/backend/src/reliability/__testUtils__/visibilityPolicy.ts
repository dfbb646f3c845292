import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DemoPermissionPolicy } from '../../demo/permissionPolicy';
import { RESTRICTED_LABEL } from './enterprise';

const COE = 'group:default/coe';

/**
 * A policy as a company with confidential projects writes one: catalog
 * entities labelled restricted are visible to the CoE only (a conditional
 * decision, applied by the catalog itself); everything else as the demo's
 * policy decides (the CoE manages, everyone reads).
 */
export class RestrictedEntitiesPolicy implements PermissionPolicy {
  private readonly demo = new DemoPermissionPolicy(COE);

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (
      isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY) &&
      request.permission.attributes.action === 'read' &&
      !user?.info.ownershipEntityRefs.includes(COE)
    ) {
      return createCatalogConditionalDecision(request.permission, {
        not: catalogConditions.hasLabel({ label: RESTRICTED_LABEL, value: 'true' }),
      });
    }
    if (isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY)) {
      return { result: AuthorizeResult.ALLOW };
    }
    return this.demo.handle(request, user);
  }
}

export const restrictedEntitiesPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'restricted-entities-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new RestrictedEntitiesPolicy());
      },
    });
  },
});
