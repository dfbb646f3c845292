import {
  containersOf,
  KubernetesObject,
  podSpecOf,
} from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { backupCronJobs } from '../shared/workloadSources';

/** Commands that copy a server's data out: `redis-cli --rdb`, `BGSAVE`, redis-dump. */
const DUMPS = /--rdb\b|\bBGSAVE\b|redis-dump/i;

/**
 * Sets `backup` from a CronJob in the server's namespace that dumps its
 * data on a schedule (`redis-cli --rdb /backup/dump.rdb` and a copy to
 * object storage, or a redis-dump job); otherwise `none`: the server's own
 * RDB/AOF files restore a restarted node, they are not a backup.
 */
export function setRdbCronJobBackup(
  builder: DeploymentBuilder,
  objects: KubernetesObject[],
  server: KubernetesObject,
): void {
  const job = backupCronJobs(objects, server.namespace, [
    'redis-cli',
    'valkey-cli',
    'redis-dump',
    'redis-dump-go',
  ]).find(cronJob =>
    containersOf(podSpecOf(cronJob)).some(c => DUMPS.test(c.commandLine)),
  );
  if (job) {
    const evidence = fileEvidence(
      job.path,
      job.line,
      `CronJob ${job.name} dumps the data`,
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'rdb-cronjob', evidence);
  } else {
    const evidence = fileEvidence(
      server.path,
      server.line,
      'no dump CronJob in the namespace; persistence is not a backup',
    );
    builder.set('backup', 'none', evidence);
    builder.set('backupTool', 'none', evidence);
  }
}
