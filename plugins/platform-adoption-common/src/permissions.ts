import { createPermission } from '@backstage/plugin-permission-common';

/** Reading adoption data: deployments, findings, rollups, history, references. */
export const platformAdoptionReadPermission = createPermission({
  name: 'platform-adoption.read',
  attributes: { action: 'read' },
});

/** Creating, editing, deriving and publishing reference architectures. */
export const platformAdoptionReferenceManagePermission = createPermission({
  name: 'platform-adoption.reference.manage',
  attributes: { action: 'update' },
});

/** Granting and revoking exemptions from a reference architecture. */
export const platformAdoptionExemptionManagePermission = createPermission({
  name: 'platform-adoption.exemption.manage',
  attributes: { action: 'update' },
});

/** Starting and closing standardization campaigns. */
export const platformAdoptionCampaignManagePermission = createPermission({
  name: 'platform-adoption.campaign.manage',
  attributes: { action: 'update' },
});

/** Starting a scan on demand instead of waiting for the schedule. */
export const platformAdoptionScanTriggerPermission = createPermission({
  name: 'platform-adoption.scan.trigger',
  attributes: { action: 'update' },
});

/** Every permission the plugin defines, for registration with the framework. */
export const platformAdoptionPermissions = [
  platformAdoptionReadPermission,
  platformAdoptionReferenceManagePermission,
  platformAdoptionExemptionManagePermission,
  platformAdoptionCampaignManagePermission,
  platformAdoptionScanTriggerPermission,
];
