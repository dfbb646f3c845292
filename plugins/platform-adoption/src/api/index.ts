export * from './PlatformAdoptionApi';
export { PlatformAdoptionClient, deploymentQueryString } from './PlatformAdoptionClient';
