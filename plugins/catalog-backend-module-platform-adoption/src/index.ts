/**
 * Catalog module: golden-path Template entities from published reference architectures.
 *
 * @packageDocumentation
 */
export { catalogModulePlatformAdoption as default } from './module';
export {
  GoldenPathTemplateProvider,
  createStandardsReader,
  GOLDEN_PATH_TASK_ID,
} from './GoldenPathTemplateProvider';
export type { StandardsReader } from './GoldenPathTemplateProvider';
export { goldenPathTemplate, templateNameOf } from './goldenPathTemplate';
export type {
  GoldenPathPublishing,
  GoldenPathTemplateOptions,
} from './goldenPathTemplate';
