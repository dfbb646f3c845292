import {
  DetectedDeployment,
  ScanProblem,
} from '@platform-adoption/plugin-platform-adoption-common';
import { redactCredential } from '../parsing/redaction';
import { ParsedRepository } from './parsedRepository';
import { sanitiseDeployment } from './sanitise';
import { DetectionResult, PlatformDetector, RepositoryFiles } from './types';

/**
 * Runs every detector over one repository. A detector that throws costs
 * only its own results (reported as a problem naming it and the
 * repository); every value leaving here has been through credential
 * redaction; a problem met by several detectors is reported once.
 *
 * @public
 */
export function detectRepository(
  files: RepositoryFiles,
  detectors: PlatformDetector[],
): DetectionResult {
  const deployments: DetectedDeployment[] = [];
  const problems = new Map<string, ScanProblem>();
  const addProblem = (problem: ScanProblem) => {
    const safe = {
      ...problem,
      message: redactCredential(undefined, problem.message),
    };
    const key = `${safe.file ?? ''}\u0000${safe.message}`;
    if (!problems.has(key)) problems.set(key, safe);
  };

  for (const detector of detectors) {
    const platform = detector.platform?.id ?? 'unknown platform';
    try {
      const result = detector.detect(files);
      for (const deployment of result.deployments)
        deployments.push(sanitiseDeployment(deployment));
      result.problems.forEach(addProblem);
    } catch (error) {
      addProblem({
        source: files.repository,
        message: `Detector "${platform}" failed on repository ${
          files.repository
        }: ${(error as Error)?.message ?? String(error)}`,
      });
    }
  }
  // Problems recorded while parsing shared files, whoever read them.
  ParsedRepository.of(files).problems.forEach(addProblem);

  return {
    deployments: withUniqueKeys(deployments),
    problems: [...problems.values()],
  };
}

/** Keys identify deployments across scans; two detectors' collisions must not merge them. */
function withUniqueKeys(
  deployments: DetectedDeployment[],
): DetectedDeployment[] {
  const seen = new Map<string, number>();
  return deployments.map(deployment => {
    const id = `${deployment.platform}\u0000${deployment.key}`;
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    return count === 0
      ? deployment
      : { ...deployment, key: `${deployment.key}#${count + 1}` };
  });
}
