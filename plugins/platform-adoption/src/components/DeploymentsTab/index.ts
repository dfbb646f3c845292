export { DeploymentsTab } from './DeploymentsTab';
export { deploymentsLink } from './deploymentFilters';
