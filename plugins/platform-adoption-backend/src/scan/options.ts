import { RootConfigService } from '@backstage/backend-plugin-api';
import { availableParallelism } from 'node:os';
import { ScanOptions } from './Scanner';

/** The scanner's options, and where its detectors run. */
export interface ScanConfig extends ScanOptions {
  /** Worker threads detecting deployments; 0 detects in the scan's thread. */
  detectionWorkers: number;
}

export function readScanOptions(config: RootConfigService): ScanConfig {
  const scan = config.getOptionalConfig('platformAdoption.scan');
  return {
    concurrency: scan?.getOptionalNumber('concurrency') ?? 8,
    maxFileBytes: scan?.getOptionalNumber('maxFileBytes') ?? 1024 * 1024,
    keepGenerations: scan?.getOptionalNumber('keepGenerations') ?? 2,
    catalogPageSize: 1000,
    // One core stays with the scan's own thread (catalog, reads, API).
    detectionWorkers: scan?.getOptionalNumber('detectionWorkers') ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
  };
}
