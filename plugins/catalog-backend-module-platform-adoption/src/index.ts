/**
 * Catalog module: golden-path Template entities from published reference architectures.
 *
 * @packageDocumentation
 */
export { catalogModulePlatformAdoption as default } from './module';
