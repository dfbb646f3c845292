/**
 * Platform Adoption frontend: the default export is the plugin for the new
 * frontend system; apps on the legacy system use the named exports.
 *
 * @packageDocumentation
 */
export { platformAdoptionPlugin as default } from './plugin';
export {
  legacyPlatformAdoptionPlugin,
  PlatformAdoptionPage,
  EntityPlatformUsageCard,
  EntityTeamAdoptionCard,
  EntitySystemDeploymentsCard,
} from './legacy';
export * from './api';
