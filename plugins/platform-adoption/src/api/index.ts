export * from './PlatformAdoptionApi';
export { PlatformAdoptionClient } from './PlatformAdoptionClient';
