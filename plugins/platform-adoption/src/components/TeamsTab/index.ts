export { TeamsTab } from './TeamsTab';
