/**
 * Scaffolder module: renders a reference architecture into conforming files.
 *
 * @packageDocumentation
 */
export { scaffolderModulePlatformAdoption as default } from './module';
