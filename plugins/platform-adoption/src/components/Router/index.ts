export { PlatformAdoptionRouter } from './PlatformAdoptionRouter';
