import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { detectWorkloadServers } from '../shared/workloadDeployment';
import { mongodumpCronJob } from './dumpBackup';
import { MONGODB_PLATFORM_ID } from './definition';
import {
  MONGODB_CLIENT_TOOLS,
  MONGODB_EXPORTER_IMAGES,
  MONGODB_SERVER_IMAGES,
  mongodSettings,
} from './mongodSettings';

/**
 * MongoDB run as a plain Kubernetes workload (StatefulSet, Deployment, Pod)
 * from a MongoDB image, with a mongodump CronJob in the same namespace
 * counted as its backup and an exporter sidecar or scrape annotation as
 * its monitoring.
 */
export function detectMongodbWorkloads(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return detectWorkloadServers(repo, {
    platform: MONGODB_PLATFORM_ID,
    serverImages: MONGODB_SERVER_IMAGES,
    clientTools: MONGODB_CLIENT_TOOLS,
    exporterImages: MONGODB_EXPORTER_IMAGES,
    settings: mongodSettings,
    topology: settings =>
      settings.replicaSet
        ? { value: 'replicaset', note: `replica set ${settings.replicaSet}` }
        : { value: 'standalone', note: 'no --replSet' },
    podReplicaNote: object => `${object.kind} ${object.name ?? ''}`,
    backup: mongodumpCronJob('no mongodump CronJob in the namespace'),
  });
}
