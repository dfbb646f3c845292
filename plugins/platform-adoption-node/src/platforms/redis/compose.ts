import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { ComposeService } from '../../parsing/compose';
import {
  composeDeployment,
  setExporterServiceMonitoring,
} from '../shared/composeDeployment';
import { composeDeploymentSources } from '../shared/composeSources';
import { setServerAccess } from '../shared/serverAccess';
import { fileEvidence } from '../shared/deploymentBuilder';
import { imageNamed } from '../shared/imageVersion';
import { runsClientTool } from '../shared/workloadSources';
import { REDIS_PLATFORM_ID } from './definition';
import {
  distributionOfImage,
  imageReferenceOf,
  REDIS_CLIENT_TOOLS,
  REDIS_EXPORTER_IMAGES,
  REDIS_SERVER_IMAGES,
  setDistributionFromImage,
  setRedisVersionFromImage,
} from './distribution';
import { redisServerSettings } from './serverSettings';

const SENTINEL_IMAGES = ['redis-sentinel', 'valkey-sentinel'];

/**
 * Redis-compatible servers of Compose files. A primary and the services
 * that replicate from it (`--replicaof primary 6379`, Bitnami's
 * `REDIS_MASTER_HOST`) are one deployment, with automatic failover when a
 * Sentinel service watches them.
 */
export function detectRedisCompose(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  const sources = composeDeploymentSources(
    repo,
    REDIS_SERVER_IMAGES,
    REDIS_CLIENT_TOOLS,
  );
  const settingsOf = (service: ComposeService) =>
    redisServerSettings(
      distributionOfImage(service.image) ?? 'redis',
      imageReferenceOf(service.image),
      service.commandLine,
      service.environment,
      service.mounts,
    );
  for (const { path, service, services } of sources) {
    const settings = settingsOf(service);
    // A replica whose primary is in the file belongs to the primary's deployment.
    if (
      settings.replicaOf &&
      sources.some(
        s => s.path === path && s.service.name === settings.replicaOf,
      )
    )
      continue;
    const replicas = sources.filter(
      s =>
        s.path === path &&
        s.service !== service &&
        settingsOf(s.service).replicaOf === service.name,
    );

    const builder = composeDeployment(REDIS_PLATFORM_ID, path, service);
    if (service.image) {
      setRedisVersionFromImage(builder, { value: service.image, path });
      setDistributionFromImage(builder, { value: service.image, path });
    }
    const members = 1 + replicas.length;
    const shape = fileEvidence(
      path,
      service.line,
      replicas.length
        ? `replicated to ${replicas.map(r => r.service.name).join(', ')}`
        : `compose service ${service.name}`,
    );
    builder.set('topology', members > 1 ? 'replicated' : 'standalone', shape);
    builder.set('replicas', members, shape);
    const sentinel = services.find(
      other =>
        imageNamed(other.image, SENTINEL_IMAGES) ||
        runsClientTool(other.commandLine, [
          'redis-sentinel',
          'valkey-sentinel',
          '--sentinel',
        ]),
    );
    builder.set(
      'failover',
      members > 1 && sentinel !== undefined,
      sentinel && members > 1
        ? fileEvidence(path, sentinel.line, `Sentinel service ${sentinel.name}`)
        : fileEvidence(
            path,
            service.line,
            'no Sentinel watching a replicated primary',
          ),
    );

    setServerAccess(builder, path, settings, service.environment, service.line);
    builder.set(
      'persistence',
      settings.persistence.value,
      fileEvidence(path, service.line, settings.persistence.because),
    );
    const none = fileEvidence(
      path,
      service.line,
      'no backup job beside the server; persistence is not a backup',
    );
    builder.set('backup', 'none', none);
    builder.set('backupTool', 'none', none);

    setExporterServiceMonitoring(
      builder,
      path,
      service,
      services,
      REDIS_EXPORTER_IMAGES,
    );
    replicas.forEach(r => builder.addFile(r.path));
    deployments.push(builder.build());
  }
  return deployments;
}
