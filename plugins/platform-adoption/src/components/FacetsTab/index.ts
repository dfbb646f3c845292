export { FacetsTab } from './FacetsTab';
