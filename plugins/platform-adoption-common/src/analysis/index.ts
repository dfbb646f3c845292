export { analyzePlatform } from './analyzePlatform';
export type { AnalyzePlatformInput } from './analyzePlatform';
export { attributeValueFrequency } from './baseline';
export { satisfies, describeRequirement } from './standards';
export { parseVersion, compareVersions, versionDistance, versionLine } from './versions';
export * from './types';
