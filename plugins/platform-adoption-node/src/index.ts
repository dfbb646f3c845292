/**
 * What backend modules build against to add platforms to Platform Adoption:
 * the detector interface, the extension point and parsing helpers.
 *
 * @packageDocumentation
 */
export {};
