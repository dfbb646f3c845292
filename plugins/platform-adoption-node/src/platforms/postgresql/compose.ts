import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { fileEvidence } from '../shared/deploymentBuilder';
import { composeDeploymentSources } from '../shared/composeSources';
import { setServerAccess } from '../shared/serverAccess';
import {
  composeDeployment,
  setExporterServiceMonitoring,
} from '../shared/composeDeployment';
import { imageNamed } from '../shared/imageVersion';
import { POSTGRESQL_PLATFORM_ID } from './definition';
import {
  POSTGRESQL_CLIENT_TOOLS,
  POSTGRESQL_EXPORTER_IMAGES,
  POSTGRESQL_SERVER_IMAGES,
  postgresContainerSettings,
} from './postgresSettings';

const DUMP_PROGRAMS = /(^|[\s/])(pg_dump|pg_dumpall|pgbackrest|wal-g)(\s|$)/;
const BACKUP_IMAGES = [
  'postgres-backup-local',
  'postgres-backup-s3',
  'db-backup',
];

/** PostgreSQL services of Compose files. */
export function detectPostgresqlCompose(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return composeDeploymentSources(
    repo,
    POSTGRESQL_SERVER_IMAGES,
    POSTGRESQL_CLIENT_TOOLS,
  ).map(({ path, service, services }) => {
    const builder = composeDeployment(POSTGRESQL_PLATFORM_ID, path, service);

    const settings = postgresContainerSettings(
      service.environment,
      service.commandLine,
    );
    const standbys = settings.replicated
      ? services.filter(
          other =>
            other !== service &&
            imageNamed(other.image, POSTGRESQL_SERVER_IMAGES) &&
            other.environment.has('POSTGRESQL_REPLICATION_MODE'),
        )
      : [];
    builder.set(
      'replicas',
      1 + standbys.length,
      fileEvidence(path, service.line, `compose service ${service.name}`),
    );
    builder.set(
      'topology',
      standbys.length ? 'replicated' : 'standalone',
      fileEvidence(
        path,
        service.line,
        standbys.length
          ? `streaming to ${standbys.map(s => s.name).join(', ')}`
          : 'one server',
      ),
    );
    setServerAccess(builder, path, settings, service.environment, service.line);

    const backup = services.find(
      other =>
        DUMP_PROGRAMS.test(other.commandLine) ||
        imageNamed(other.image, BACKUP_IMAGES),
    );
    if (backup) {
      const evidence = fileEvidence(
        path,
        backup.line,
        `service ${backup.name} dumps the database`,
      );
      builder.set('backup', 'snapshot', evidence);
      builder.set('backupTool', 'pg-dump', evidence);
    } else {
      builder.set(
        'backup',
        'none',
        fileEvidence(path, service.line, 'no backup service beside the server'),
      );
      builder.set('backupTool', 'none', fileEvidence(path, service.line));
    }
    setExporterServiceMonitoring(
      builder,
      path,
      service,
      services,
      POSTGRESQL_EXPORTER_IMAGES,
    );
    return builder.build();
  });
}
