import { readDurationFromConfig } from '@backstage/config';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/** The scheduler task id; "scan now" triggers the same task. */
export const SCAN_TASK_ID = 'platform-adoption-scan';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
};

export function readScanSchedule(config: RootConfigService): SchedulerServiceTaskScheduleDefinition {
  const section = config.getOptionalConfig('platformAdoption.schedule');
  return section ? readSchedulerServiceTaskScheduleDefinitionFromConfig(section) : DEFAULT_SCHEDULE;
}

/** The task that runs push scans; it does nothing while no push waits. */
export const PUSH_SCAN_TASK_ID = 'platform-adoption-push-scan';

/**
 * How often pushes are looked for. A push scan costs what the pushed
 * repositories cost, and a look with none waiting is one query; pushes
 * arriving together (a merge touching many repositories) share one scan.
 */
const DEFAULT_PUSH_INTERVAL = { seconds: 30 };

export function readPushSchedule(config: RootConfigService): SchedulerServiceTaskScheduleDefinition {
  const interval = config.has('platformAdoption.scan.pushInterval')
    ? readDurationFromConfig(config, { key: 'platformAdoption.scan.pushInterval' })
    : DEFAULT_PUSH_INTERVAL;
  return { frequency: interval, initialDelay: interval, timeout: { minutes: 10 } };
}
