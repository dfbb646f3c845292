export { ProgressTab } from './ProgressTab';
