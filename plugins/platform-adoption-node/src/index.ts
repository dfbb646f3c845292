/**
 * What backend modules build against to add platforms to Platform Adoption:
 * the detector interface, the extension point, the detection engine, the
 * built-in detectors and hardened parsing helpers (YAML, JSON, HCL,
 * package manifests, image references, credential redaction).
 *
 * @packageDocumentation
 */

// Detection
export type {
  DetectionResult,
  EntitySignals,
  PlatformDetector,
  RepositoryFiles,
} from './detection/types';
export { detectRepository } from './detection/engine';
export { InMemoryRepositoryFiles } from './detection/inMemoryRepositoryFiles';
export { DirectoryRepositoryFiles } from './detection/directoryRepositoryFiles';
export {
  ParsedRepository,
  TERRAFORM_GLOBS,
  YAML_GLOBS,
} from './detection/parsedRepository';
export {
  platformAdoptionDetectorsExtensionPoint,
  type PlatformAdoptionDetectorsExtensionPoint,
} from './detection/extensionPoint';

// Built-in platforms
export { builtinDetectors } from './platforms';
export { mongodbDetector } from './platforms/mongodb/detector';
export {
  mongodbPlatform,
  MONGODB_PLATFORM_ID,
} from './platforms/mongodb/definition';
export { postgresqlDetector } from './platforms/postgresql/detector';
export {
  postgresqlPlatform,
  POSTGRESQL_PLATFORM_ID,
} from './platforms/postgresql/definition';
export { kafkaDetector } from './platforms/kafka/detector';
export { kafkaPlatform, KAFKA_PLATFORM_ID } from './platforms/kafka/definition';
export { redisDetector } from './platforms/redis/detector';
export { redisPlatform, REDIS_PLATFORM_ID } from './platforms/redis/definition';
export { vaultDetector } from './platforms/vault/detector';
export { vaultPlatform, VAULT_PLATFORM_ID } from './platforms/vault/definition';

// Platforms declared in app-config
export {
  readDeclaredPlatforms,
  declaredPlatformDetector,
} from './platforms/declared/declaredPlatformDetector';
export {
  parseDeclaredPlatforms,
  declaredPlatformsOf,
  DECLARED_PLATFORMS_KEY,
  type DeclaredPlatform,
  type DeclaredPlatformsConfig,
  type DeclaredFileSignal,
  type DeclaredFacetSource,
  type DeclaredSelect,
} from './platforms/declared/declaration';

// Parsing helpers
export {
  DEFAULT_PARSE_LIMITS,
  parseLimits,
  type ParseLimits,
} from './parsing/limits';
export { FileProblem, decodeTextFile } from './parsing/fileContent';
export * from './parsing/configValue';
export {
  parseYaml,
  parseJson,
  type ConfigDocument,
  type ParsedConfigFile,
  type ParseIssue,
} from './parsing/yaml';
export {
  loadHclParser,
  isHclParserLoaded,
  parseHcl,
  blockAsValue,
  type HclBlock,
  type HclFile,
} from './parsing/hcl';
export {
  TerraformModule,
  terraformModules,
  type TerraformResource,
  type TracedValue,
} from './parsing/terraform';
export {
  kubernetesObjects,
  podSpecOf,
  podAnnotationsOf,
  containersOf,
  containerEnvironment,
  type KubernetesObject,
  type KubernetesContainer,
} from './parsing/kubernetes';
export { fluxHelmRelease, type FluxHelmRelease } from './parsing/helmRelease';
export {
  composeServices,
  type ComposeService,
  type ComposeMount,
} from './parsing/compose';
export { embeddedTextStartLine } from './parsing/embeddedText';
export {
  readDependencies,
  PACKAGE_MANIFEST_GLOBS,
  type DeclaredDependency,
} from './parsing/packageManifests';
export {
  parseImageReference,
  versionFromImageTag,
  type ImageReference,
  type ImageVersion,
} from './parsing/imageReference';
export {
  redactCredential,
  isCredentialKey,
  looksLikeCredential,
} from './parsing/redaction';
export { globToRegExp, matchesAnyGlob } from './parsing/glob';
