import {
  containersOf,
  KubernetesObject,
  podSpecOf,
} from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';

const SNAPSHOT = /vault\s+operator\s+raft\s+snapshot\s+save\b/;

/**
 * Sets `backup` from a CronJob that saves Raft snapshots (`vault operator
 * raft snapshot save`), in the server's namespace when it is known;
 * otherwise `none` (an Enterprise snapshot agent configured through
 * Terraform is joined later).
 */
export function setRaftSnapshotBackup(
  builder: DeploymentBuilder,
  objects: KubernetesObject[],
  namespace: string | undefined,
  origin: { path: string; line?: number },
): void {
  const job = objects.find(
    object =>
      object.kind === 'CronJob' &&
      (namespace === undefined ||
        (object.namespace ?? 'default') === namespace) &&
      containersOf(podSpecOf(object)).some(c => SNAPSHOT.test(c.commandLine)),
  );
  if (job) {
    const evidence = fileEvidence(
      job.path,
      job.line,
      `CronJob ${job.name} saves Raft snapshots`,
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'raft-snapshot-cronjob', evidence);
    builder.addFile(job.path);
  } else {
    const evidence = fileEvidence(
      origin.path,
      origin.line,
      'no Raft snapshot job or snapshot agent',
    );
    builder.set('backup', 'none', evidence);
    builder.set('backupTool', 'none', evidence);
  }
}
