import { createPermission } from '@backstage/plugin-permission-common';

/** Reading adoption data: deployments, findings, rollups, history. */
export const platformAdoptionReadPermission = createPermission({
  name: 'platform-adoption.read',
  attributes: { action: 'read' },
});

/** Starting a scan on demand instead of waiting for the schedule. */
export const platformAdoptionScanTriggerPermission = createPermission({
  name: 'platform-adoption.scan.trigger',
  attributes: { action: 'update' },
});

/** Every permission the plugin defines, for registration with the framework. */
export const platformAdoptionPermissions = [
  platformAdoptionReadPermission,
  platformAdoptionScanTriggerPermission,
];
