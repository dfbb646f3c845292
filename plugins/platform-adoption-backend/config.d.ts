import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Platform Adoption: scanning, analysis and reference architectures. */
  platformAdoption?: {
    /**
     * The center-of-excellence group that owns reference architectures
     * derived from the fleet. Default `group:default/coe`.
     */
    coeGroup?: string;
    /**
     * When scans run. Defaults to every hour, starting 15 seconds after the
     * backend starts, with a 30 minute timeout.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    scan?: {
      /** Repositories read at the same time. Default 8. */
      concurrency?: number;
      /** Files larger than this (bytes) are skipped with a problem. Default 1 MiB. */
      maxFileBytes?: number;
      /** Completed scan generations kept besides the current one. Default 2. */
      keepGenerations?: number;
    };
    /**
     * Folders served as if they were repositories at a URL, for demos and
     * tests: `<baseUrl><name>/` reads `<root>/<name>/`. Nothing outside a
     * root can be read.
     */
    localRepositories?: Array<{
      /** e.g. `https://git.example.com/` */
      baseUrl: string;
      /** Folder, relative to the backend's working directory. */
      root: string;
    }>;
  };
}
