import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { detectWorkloadServers } from '../shared/workloadDeployment';
import { POSTGRESQL_PLATFORM_ID } from './definition';
import {
  POSTGRESQL_CLIENT_TOOLS,
  POSTGRESQL_EXPORTER_IMAGES,
  POSTGRESQL_SERVER_IMAGES,
  postgresContainerSettings,
} from './postgresSettings';

/**
 * PostgreSQL run as a plain Kubernetes workload from a PostgreSQL image,
 * with a pg_dump CronJob in the namespace counted as its backup.
 */
export function detectPostgresqlWorkloads(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return detectWorkloadServers(repo, {
    platform: POSTGRESQL_PLATFORM_ID,
    serverImages: POSTGRESQL_SERVER_IMAGES,
    clientTools: POSTGRESQL_CLIENT_TOOLS,
    exporterImages: POSTGRESQL_EXPORTER_IMAGES,
    settings: postgresContainerSettings,
    // Plain PostgreSQL pods do not replicate among themselves; only a replication setup does.
    topology: settings =>
      settings.replicated
        ? { value: 'replicated', note: 'POSTGRESQL_REPLICATION_MODE' }
        : { value: 'standalone', note: 'no replication configured' },
    backup: {
      programs: ['pg_dump', 'pg_dumpall'],
      tool: 'pg-dump-cronjob',
      found: cronJob => `CronJob ${cronJob.name} dumps the database`,
      none: 'no pg_dump CronJob in the namespace',
    },
  });
}
