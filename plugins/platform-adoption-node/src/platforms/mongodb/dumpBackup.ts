import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { backupCronJobs } from '../shared/workloadSources';

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
  const cronJob = backupCronJobs(objects, server.namespace, ['mongodump'])[0];
  if (cronJob) {
    const evidence = fileEvidence(
      cronJob.path,
      cronJob.line,
      `CronJob ${cronJob.name} runs mongodump`,
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'mongodump-cronjob', evidence);
  } else {
    builder.set(
      'backup',
      'none',
      fileEvidence(server.path, server.line, noneNote),
    );
    builder.set('backupTool', 'none', fileEvidence(server.path, server.line));
  }
}
