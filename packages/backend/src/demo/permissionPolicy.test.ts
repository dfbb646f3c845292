import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  platformAdoptionReadPermission,
  platformAdoptionReferenceManagePermission,
  platformAdoptionScanTriggerPermission,
} from '@platform-adoption/plugin-platform-adoption-common';
import { DemoPermissionPolicy } from './permissionPolicy';

const policy = new DemoPermissionPolicy('group:default/coe');
const user = (...ownershipEntityRefs: string[]) =>
  ({ info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs } } as any);

describe('DemoPermissionPolicy', () => {
  it('lets CoE members manage reference architectures and trigger scans', async () => {
    const lead = user('user:default/tamsin.raman', 'group:default/coe');
    for (const permission of [platformAdoptionReferenceManagePermission, platformAdoptionScanTriggerPermission]) {
      expect((await policy.handle({ permission }, lead)).result).toBe(AuthorizeResult.ALLOW);
    }
  });

  it('lets everyone else read but not manage', async () => {
    const member = user('user:default/adaeze.desai', 'group:default/customer-insights');
    expect((await policy.handle({ permission: platformAdoptionReadPermission }, member)).result).toBe(AuthorizeResult.ALLOW);
    expect((await policy.handle({ permission: platformAdoptionReferenceManagePermission }, member)).result).toBe(
      AuthorizeResult.DENY,
    );
    expect((await policy.handle({ permission: platformAdoptionReferenceManagePermission })).result).toBe(AuthorizeResult.DENY);
  });
});
