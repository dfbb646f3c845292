import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  platformAdoption?: {
    /** Golden-path templates: one scaffolder Template per published reference architecture. */
    goldenPaths?: {
      /**
       * How often the published references are read to add, update and remove
       * the templates. Default: every 30 seconds, starting 10 seconds after
       * the backend starts, with a 30 second timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Where the templates publish the repository they render. `local` copies
       * it into `platformAdoption.localRepositories[0]` (the demo); `github`
       * asks for a repository with RepoUrlPicker and uses publish:github.
       * Default: `local` when local repositories are configured, else `github`.
       */
      publish?: {
        type: 'local' | 'github';
        /** Hosts RepoUrlPicker offers for `github`. Default `[github.com]`. */
        allowedHosts?: string[];
      };
    };
  };
}
