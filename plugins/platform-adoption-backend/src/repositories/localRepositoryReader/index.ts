export { LocalRepositoryUrlReader } from './LocalRepositoryUrlReader';
export { localRepositoryUrlReaderFactory } from './localRepositoryUrlReaderFactory';
export {
  LOCAL_REPOSITORIES_CONFIG_KEY,
  type LocalRepositoryLocation,
} from './localRepositoriesConfig';
