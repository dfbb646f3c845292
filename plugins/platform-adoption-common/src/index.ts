/**
 * Isomorphic domain types, permissions and pure helpers of Platform Adoption.
 *
 * @packageDocumentation
 */
export * from './domain/platform';
export * from './domain/deployment';
export * from './domain/scan';
export * from './analysis';
export * from './domain/reference';
export * from './reference';
export * from './api/responses';
export * from './permissions';
