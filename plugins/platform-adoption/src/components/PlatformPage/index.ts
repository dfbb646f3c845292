export { PlatformPage } from './PlatformPage';
