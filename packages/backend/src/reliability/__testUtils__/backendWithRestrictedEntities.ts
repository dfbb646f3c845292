/*
 * The product backend (src/backend.ts) with a conditional catalog policy
 * instead of the demo's: what the access tests start as a process.
 */
import { createProductBackend } from '../../backend';
import { restrictedEntitiesPolicyModule } from './visibilityPolicy';

createProductBackend({ permissionPolicy: restrictedEntitiesPolicyModule }).start();
