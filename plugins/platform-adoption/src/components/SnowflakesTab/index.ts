export { SnowflakesTab } from './SnowflakesTab';
