import { RootConfigService } from '@backstage/backend-plugin-api';
import { ScanOptions } from './Scanner';

export function readScanOptions(config: RootConfigService): ScanOptions {
  const scan = config.getOptionalConfig('platformAdoption.scan');
  return {
    concurrency: scan?.getOptionalNumber('concurrency') ?? 8,
    maxFileBytes: scan?.getOptionalNumber('maxFileBytes') ?? 1024 * 1024,
    keepGenerations: scan?.getOptionalNumber('keepGenerations') ?? 2,
    catalogPageSize: 1000,
  };
}
