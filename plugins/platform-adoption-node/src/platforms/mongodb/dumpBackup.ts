import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder } from '../shared/deploymentBuilder';
import {
  DumpCronJob,
  setDumpCronJobBackup,
} from '../shared/workloadDeployment';

/** A CronJob running mongodump in the server's namespace: a (snapshot) backup. */
export function mongodumpCronJob(none: string): DumpCronJob {
  return {
    programs: ['mongodump'],
    tool: 'mongodump-cronjob',
    found: cronJob => `CronJob ${cronJob.name} runs mongodump`,
    none,
  };
}

/**
 * Counts a CronJob running mongodump in the server's namespace as its
 * (snapshot) backup; otherwise records that there is none.
 */
export function setMongodumpBackup(
  builder: DeploymentBuilder,
  objects: KubernetesObject[],
  server: KubernetesObject,
  noneNote: string,
): void {
  setDumpCronJobBackup(builder, objects, server, mongodumpCronJob(noneNote));
}
