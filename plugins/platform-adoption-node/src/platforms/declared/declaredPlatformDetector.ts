import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { PlatformDetector } from '../../detection/types';
import { stringAt } from '../../parsing/configValue';
import { DeploymentBuilder } from '../shared/deploymentBuilder';
import { setEnvironment } from '../shared/environmentHints';
import {
  DeclaredFileSignal,
  DeclaredPlatform,
  declaredPlatformsOf,
  DeclaredPlatformsConfig,
} from './declaration';
import { declaredDocuments, DeclaredDocument } from './declaredDocuments';
import { declaredPath, setDeclaredFacet } from './declaredFacetValue';

/**
 * A detector for a platform declared in app-config: each file signal's
 * selected documents become deployments whose facets are read from the
 * declared paths. An `environment` facet the signal does not map is found
 * as the built-in detectors find it (labels, namespace, file location;
 * Compose is development).
 *
 * @public
 */
export function declaredPlatformDetector(
  platform: DeclaredPlatform,
): PlatformDetector {
  return {
    platform: {
      id: platform.id,
      title: platform.title,
      ...(platform.vendor ? { vendor: platform.vendor } : {}),
      ...(platform.description ? { description: platform.description } : {}),
      facets: platform.facets,
    },
    entitySignals: platform.entitySignals,
    fileGlobs: [...new Set(platform.fileSignals.flatMap(s => s.globs))],
    detect(files) {
      const repo = ParsedRepository.of(files);
      const deployments = platform.fileSignals.flatMap(signal =>
        declaredDocuments(repo, signal).map(document =>
          describe(platform, signal, document),
        ),
      );
      return { deployments, problems: repo.problems };
    },
  };
}

function describe(
  platform: DeclaredPlatform,
  signal: DeclaredFileSignal,
  document: DeclaredDocument,
): DetectedDeployment {
  const name = signal.name
    ? stringAt(document.root, declaredPath(signal.name))
    : undefined;
  const builder = new DeploymentBuilder(
    platform.id,
    signal.kind,
    document.key,
    name ?? document.name,
    document.path,
  );
  for (const facet of platform.facets) {
    const source = signal.facets[facet.id];
    if (source) setDeclaredFacet(builder, facet, source, document);
    else if (facet.id === 'environment')
      setEnvironment(
        builder,
        document.environmentHints,
        document.path,
        document.compose
          ? {
              value: 'development',
              note: 'Compose files are taken as development unless their name or folder says otherwise',
            }
          : undefined,
      );
  }
  return builder.build();
}

/**
 * The detectors of the platforms declared under
 * `platformAdoption.platforms`, validated: a malformed declaration throws
 * an Error naming the exact key, so start-up fails instead of a platform
 * silently going unscanned.
 *
 * @public
 */
export function readDeclaredPlatforms(
  config: DeclaredPlatformsConfig,
): PlatformDetector[] {
  return declaredPlatformsOf(config).map(declaredPlatformDetector);
}
