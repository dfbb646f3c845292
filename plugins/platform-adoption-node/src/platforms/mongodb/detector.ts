import {
  ParsedRepository,
  TERRAFORM_GLOBS,
  YAML_GLOBS,
} from '../../detection/parsedRepository';
import { PlatformDetector } from '../../detection/types';
import { PACKAGE_MANIFEST_GLOBS } from '../../parsing/packageManifests';
import { detectAtlasClusters } from './atlasTerraform';
import { detectMongodbCompose } from './compose';
import { mongodbPlatform } from './definition';
import { detectMongodbDrivers } from './drivers';
import { detectMongodbHelm } from './helm';
import { detectMongodbWorkloads } from './kubernetesWorkload';
import { detectMongodbOperatorResources } from './operator';

/**
 * The built-in MongoDB detector: Atlas (Terraform), Bitnami Helm charts,
 * the MongoDB operators, Compose, plain Kubernetes workloads and drivers.
 *
 * @public
 */
export const mongodbDetector: PlatformDetector = {
  platform: mongodbPlatform,
  entitySignals: {
    resourceTypes: ['mongodb', 'mongo', 'mongodb-atlas', 'atlas'],
    tags: ['mongodb', 'mongo', 'atlas'],
  },
  fileGlobs: [...TERRAFORM_GLOBS, ...YAML_GLOBS, ...PACKAGE_MANIFEST_GLOBS],
  detect(files) {
    const repo = ParsedRepository.of(files);
    const deployments = [
      ...detectAtlasClusters(repo),
      ...detectMongodbHelm(repo),
      ...detectMongodbOperatorResources(repo),
      ...detectMongodbCompose(repo),
      ...detectMongodbWorkloads(repo),
      ...detectMongodbDrivers(repo),
    ];
    return { deployments, problems: repo.problems };
  },
};
