export { ReferenceTab } from './ReferenceTab';
