/**
 * The Platform Adoption backend plugin: scans, analysis, reference
 * architectures and the REST API.
 *
 * @packageDocumentation
 */
export { platformAdoptionPlugin as default } from './plugin';
export { localRepositoryUrlReaderFactory } from './repositories/localRepositoryReader';
