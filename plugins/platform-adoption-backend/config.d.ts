import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

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
      /**
       * Worker threads that parse repositories' files and detect
       * deployments, beside the thread that serves the API. Default: the
       * machine's cores less one, at most 4, at least 1; 0 detects in the
       * scan's thread. Detectors added by backend modules always run in the
       * scan's thread.
       */
      detectionWorkers?: number;
      /**
       * How often to look for pushes: repositories that source control
       * events (the catalog's SCM events, from the host's webhooks) named
       * since the last scan. A push scan reads only those. Default 30 s.
       */
      pushInterval?: HumanDuration | string;
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
    /**
     * Custom platforms, declared without code: a company tracks its own
     * vendor (an internal search engine, a message bus) beside the built-in
     * ones. A malformed declaration fails start-up with a message naming
     * the key at fault.
     */
    platforms?: Array<{
      /** Stable id, lower-case letters, digits and dashes (`opensearch`); not a built-in platform's. */
      id: string;
      /** Display name, e.g. `OpenSearch`. */
      title: string;
      /** Who makes it, e.g. `OpenSearch Project`. */
      vendor?: string;
      /** One sentence on what it is. */
      description?: string;
      /** The configuration dimensions compared across the fleet; at least one. */
      facets: Array<{
        /** Stable id used by file signals, the API and reference architectures, e.g. `version`. */
        id: string;
        /** Display name, e.g. `Version`. */
        title: string;
        /** How values compare: rarity (nominal), order (ordinal), distance (version), or as booleans and numbers. */
        kind: 'nominal' | 'ordinal' | 'version' | 'boolean' | 'numeric';
        /** How much the fleet should agree on it, from 0 to 1 (TLS 1.0, version 0.7, size 0.2, region 0.05). */
        weight: number;
        /**
         * Values from worst to best; an entry may be a list of equally good
         * values, e.g. `[none, password, [scram, x509]]`. Booleans use `[false, true]`.
         */
        better?: Array<string | boolean | Array<string | boolean>>;
        /** Values no standard accepts (`none`, `false`). */
        unacceptable?: Array<string | boolean>;
        /**
         * Forms peer groups instead of being compared: `true` for a soft
         * context (hosting), `strict` for one never dropped (environment).
         */
        context?: boolean | 'strict';
        /** What the values mean. */
        description?: string;
      }>;
      /** How the catalog declares it. */
      entitySignals?: {
        /** Resource `spec.type` values, e.g. `opensearch`. */
        resourceTypes?: string[];
        /** `metadata.tags` values. */
        tags?: string[];
        /** Annotation keys whose presence declares it. */
        annotations?: string[];
      };
      /** Where it is found in repositories and how each deployment's facets are read. */
      fileSignals?: Array<{
        /** Globs of YAML or JSON files to read, relative to the repository root (`**\/*.yaml`). */
        globs: string[];
        /**
         * Which documents are deployments: those with this `apiVersion`
         * (a group alone matches every version) and/or `kind`, or the
         * Compose services and Kubernetes containers running `image`.
         * Without it, every document of the files.
         */
        select?: {
          /** e.g. `opensearch.opster.io/v1`, or `opensearch.opster.io` for any version. */
          apiVersion?: string;
          /** e.g. `OpenSearchCluster`. */
          kind?: string;
          /** An image repository (`opensearchproject/opensearch`), or a prefix ending in `/` or `:`. */
          image?: string;
        };
        /** `server` (a running configuration, the default) or `client` (usage only). */
        kind?: 'server' | 'client';
        /** Dotted path to the deployment's name; `metadata.name`, the service name or the file name otherwise. */
        name?: string;
        /** Facet id → where its value is read. Facets left out are not reported for these deployments. */
        facets?: {
          [facetId: string]: {
            /**
             * Dotted path into the document, numbers for list items
             * (`spec.nodePools.0.replicas` or `spec.nodePools[0].replicas`);
             * `container.…` reads the matched container or service, whose
             * variables are under `container.environment`.
             */
            path: string;
            /** Raw value → normalised value (`premium: gold`); values it does not list are kept as written. */
            map?: { [raw: string]: string | number | boolean };
            /** The value when the path is absent (the product's documented default). */
            default?: string | number | boolean;
          };
        };
      }>;
    }>;
  };
}
