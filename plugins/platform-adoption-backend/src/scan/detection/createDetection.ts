import { LoggerService } from '@backstage/backend-plugin-api';
import { PlatformDetector } from '@platform-adoption/plugin-platform-adoption-node';
import { InThreadDetection, RepositoryDetection } from './RepositoryDetection';
import { WorkerDetection } from './WorkerDetection';

/**
 * Worker threads when they can rebuild every detector the scan uses (the
 * built-in and declared ones); detectors added by backend modules are code
 * a worker cannot receive, so with any of them detection stays in the
 * scan's thread.
 */
export function createDetection(options: {
  detectors: PlatformDetector[];
  /** Added through the extension point. */
  addedDetectors: PlatformDetector[];
  declaredPlatforms: unknown;
  workers: number;
  logger: LoggerService;
}): RepositoryDetection {
  const inThread = new InThreadDetection(options.detectors);
  if (options.workers < 1 || options.addedDetectors.length > 0) return inThread;
  return new WorkerDetection({
    workers: options.workers,
    declaredPlatforms: options.declaredPlatforms,
    fallback: inThread,
    platforms: options.detectors.map(d => d.platform.id),
    logger: options.logger,
  });
}
