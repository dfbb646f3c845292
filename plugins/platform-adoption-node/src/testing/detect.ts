import {
  DetectedDeployment,
  FacetScalar,
} from '@platform-adoption/plugin-platform-adoption-common';
import { detectRepository } from '../detection/engine';
import { InMemoryRepositoryFiles } from '../detection/inMemoryRepositoryFiles';
import { DetectionResult, PlatformDetector } from '../detection/types';
import { ParseLimits } from '../parsing/limits';

/** A repository made of the given files (path → text), for tests. */
export function repositoryOf(
  files: Record<string, string>,
  limits: Partial<ParseLimits> = {},
  name = 'test-repository',
): InMemoryRepositoryFiles {
  return new InMemoryRepositoryFiles(
    name,
    new Map(
      Object.entries(files).map(([path, text]) => [
        path,
        Buffer.from(text, 'utf8'),
      ]),
    ),
    limits,
  );
}

/** Runs detectors through the engine (as the backend does) over in-memory files. */
export function detectFiles(
  files: Record<string, string>,
  detectors: PlatformDetector[],
  limits: Partial<ParseLimits> = {},
): DetectionResult {
  return detectRepository(repositoryOf(files, limits), detectors);
}

/** The facet values of a deployment, without evidence, for compact assertions. */
export function facetValues(
  deployment: DetectedDeployment | undefined,
): Record<string, FacetScalar> {
  if (!deployment) throw new Error('no such deployment');
  return Object.fromEntries(
    Object.entries(deployment.facets).map(([id, facet]) => [id, facet.value]),
  );
}

/** The only server deployment of a result (fails the test if there is not exactly one). */
export function onlyServer(result: DetectionResult): DetectedDeployment {
  const servers = result.deployments.filter(d => d.kind === 'server');
  if (servers.length !== 1) {
    throw new Error(
      `expected one server deployment, found ${servers.length}: ${servers
        .map(s => s.key)
        .join(', ')}`,
    );
  }
  return servers[0];
}

/** Lines of a text, 1-based, to assert evidence lines against the fixture itself. */
export function lineOf(text: string, fragment: string): number {
  const index = text.indexOf(fragment);
  if (index === -1) throw new Error(`fragment not found: ${fragment}`);
  return text.slice(0, index).split('\n').length;
}
