/**
 * Scaffolder module: renders a reference architecture into conforming files.
 *
 * @packageDocumentation
 */
export { scaffolderModulePlatformAdoption as default } from './module';
export { createRenderAction, RENDER_ACTION_ID } from './actions/render';
export {
  createPublishLocalAction,
  PUBLISH_LOCAL_ACTION_ID,
} from './actions/publishLocal';
export { createReferenceFetcher } from './actions/fetchReference';
export type { ReferenceFetcher } from './actions/fetchReference';
export { goldenPathRenderers, rendererFor } from './renderers';
export { planGoldenPath, BASE_VARIANT } from './rendering/plan';
export type { GoldenPathPlan, OpenChoice } from './rendering/plan';
export type {
  FacetCapability,
  GoldenPathEnvironment,
  PlatformRenderer,
  RenderForm,
  RenderedFile,
  RenderRequest,
} from './rendering/types';
