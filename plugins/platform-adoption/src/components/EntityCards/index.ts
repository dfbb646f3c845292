export { EntityPlatformUsageCard } from './EntityPlatformUsageCard';
export { EntityTeamAdoptionCard } from './EntityTeamAdoptionCard';
export { EntitySystemDeploymentsCard } from './EntitySystemDeploymentsCard';
