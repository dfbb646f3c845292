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
