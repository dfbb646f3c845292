import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { ComposeService } from '../../parsing/compose';
import { fileEvidence } from '../shared/deploymentBuilder';
import { composeDeploymentSources } from '../shared/composeSources';
import { setServerAccess } from '../shared/serverAccess';
import {
  composeDeployment,
  setExporterServiceMonitoring,
} from '../shared/composeDeployment';
import { imageNamed } from '../shared/imageVersion';
import {
  MONGODB_CLIENT_TOOLS,
  MONGODB_EXPORTER_IMAGES,
  MONGODB_SERVER_IMAGES,
  mongodSettings,
} from './mongodSettings';
import { MONGODB_PLATFORM_ID } from './definition';

/**
 * MongoDB services of Compose files. Members of one replica set
 * (`--replSet rs0` on several services) are one deployment.
 */
export function detectMongodbCompose(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  const grouped = new Set<ComposeService>();
  for (const source of composeDeploymentSources(
    repo,
    MONGODB_SERVER_IMAGES,
    MONGODB_CLIENT_TOOLS,
  )) {
    const { path, service, services } = source;
    if (grouped.has(service)) continue;
    const settings = mongodSettings(service.environment, service.commandLine);
    const members = settings.replicaSet
      ? services.filter(
          other =>
            imageNamed(other.image, MONGODB_SERVER_IMAGES) &&
            mongodSettings(other.environment, other.commandLine).replicaSet ===
              settings.replicaSet,
        )
      : [service];
    members.forEach(member => grouped.add(member));

    const builder = composeDeployment(MONGODB_PLATFORM_ID, path, service);

    if (settings.replicaSet) {
      builder.set(
        'topology',
        'replicaset',
        fileEvidence(path, service.line, `replica set ${settings.replicaSet}`),
      );
      builder.set(
        'replicas',
        members.length,
        fileEvidence(
          path,
          service.line,
          `services ${members.map(m => m.name).join(', ')}`,
        ),
      );
    } else {
      builder.set(
        'topology',
        'standalone',
        fileEvidence(path, service.line, 'no --replSet'),
      );
      builder.set('replicas', 1, fileEvidence(path, service.line));
    }
    setServerAccess(builder, path, settings, service.environment, service.line);

    const dumper = services.find(other =>
      /(^|[\s/])mongodump(\s|$)/.test(other.commandLine),
    );
    if (dumper) {
      builder.set(
        'backup',
        'snapshot',
        fileEvidence(
          path,
          dumper.line,
          `service ${dumper.name} runs mongodump`,
        ),
      );
      builder.set('backupTool', 'mongodump', fileEvidence(path, dumper.line));
    } else {
      builder.set(
        'backup',
        'none',
        fileEvidence(path, service.line, 'no backup job beside the server'),
      );
      builder.set('backupTool', 'none', fileEvidence(path, service.line));
    }
    setExporterServiceMonitoring(
      builder,
      path,
      service,
      services,
      MONGODB_EXPORTER_IMAGES,
    );
    deployments.push(builder.build());
  }
  return deployments;
}
