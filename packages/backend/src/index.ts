/*
 * The demo and integration backend: stock Backstage plugins plus the
 * Platform Adoption plugin and its catalog and scaffolder modules (see
 * backend.ts).
 */
import { createProductBackend } from './backend';
import { demoPermissionPolicyModule } from './demo/permissionPolicy';

// A real policy: the CoE group manages reference architectures, exemptions,
// campaigns and scans; everyone else reads.
createProductBackend({ permissionPolicy: demoPermissionPolicyModule }).start();
