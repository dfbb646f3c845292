import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  platformAdoptionCampaignManagePermission,
  platformAdoptionExemptionManagePermission,
  platformAdoptionReferenceManagePermission,
  platformAdoptionScanTriggerPermission,
} from '@platform-adoption/plugin-platform-adoption-common';

/** Only the center of excellence shapes the standard; everyone reads. */
const COE_ONLY = new Set(
  [
    platformAdoptionReferenceManagePermission,
    platformAdoptionExemptionManagePermission,
    platformAdoptionCampaignManagePermission,
    platformAdoptionScanTriggerPermission,
  ].map(p => p.name),
);

export class DemoPermissionPolicy implements PermissionPolicy {
  constructor(private readonly coeGroup: string) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    if (COE_ONLY.has(request.permission.name)) {
      const member = user?.info.ownershipEntityRefs.includes(this.coeGroup) ?? false;
      return { result: member ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export const demoPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DemoPermissionPolicy('group:default/coe'));
      },
    });
  },
});
