import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { ReferenceArchitectureVersion } from '@platform-adoption/plugin-platform-adoption-common';
import {
  goldenPathRenderers,
  planGoldenPath,
  PlatformRenderer,
  rendererFor,
} from '@platform-adoption/plugin-scaffolder-backend-module-platform-adoption';
import {
  goldenPathTemplate,
  GoldenPathTemplateOptions,
} from './goldenPathTemplate';

/** Reads every platform's current standard (GET /references). */
export type StandardsReader = () => Promise<ReferenceArchitectureVersion[]>;

/** The task id of the poll, for `scheduler.triggerTask`. */
export const GOLDEN_PATH_TASK_ID = 'platform-adoption-golden-path-templates';

/** Reads GET /api/platform-adoption/references with the catalog's own service credentials. */
export function createStandardsReader(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  fetch?: typeof fetch;
}): StandardsReader {
  const { discovery, auth } = options;
  const doFetch = options.fetch ?? fetch;
  return async () => {
    const baseUrl = await discovery.getBaseUrl('platform-adoption');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'platform-adoption',
    });
    const response = await doFetch(`${baseUrl}/references`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response as any);
    const body = (await response.json()) as { items?: unknown };
    if (!Array.isArray(body.items)) {
      throw new Error('GET /references answered without an items list');
    }
    return body.items as ReferenceArchitectureVersion[];
  };
}

/**
 * Emits one golden-path `Template` entity per platform with a published
 * standard, and keeps them in step with publications and retirements by
 * polling the platform-adoption backend. Each poll replaces the whole set
 * (a full mutation), so a retired reference's template disappears. When the
 * backend cannot be read, the templates emitted last stay as they are:
 * an outage must not empty the catalog of golden paths.
 *
 * @public
 */
export class GoldenPathTemplateProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private lastEmitted?: string;
  /** Problems already logged: a poll every 30 seconds must not repeat them. */
  private readonly reported = new Set<string>();
  private readonly renderers: PlatformRenderer[];

  constructor(
    private readonly deps: {
      readStandards: StandardsReader;
      logger: LoggerService;
      templates: GoldenPathTemplateOptions;
      scheduler?: SchedulerService;
      schedule?: SchedulerServiceTaskScheduleDefinition;
      renderers?: PlatformRenderer[];
    },
  ) {
    this.renderers = deps.renderers ?? goldenPathRenderers;
  }

  getProviderName(): string {
    return 'platform-adoption-golden-paths';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const { scheduler, schedule } = this.deps;
    if (scheduler && schedule) {
      await scheduler.scheduleTask({
        id: GOLDEN_PATH_TASK_ID,
        ...schedule,
        fn: () => this.refresh(),
      });
    }
  }

  /** Reads the standards and emits their templates; keeps the last set when the read fails. */
  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error(
        `${this.getProviderName()} is not connected to the catalog yet`,
      );
    }
    let standards: ReferenceArchitectureVersion[];
    try {
      standards = await this.deps.readStandards();
    } catch (error) {
      this.deps.logger.warn(
        `Could not read the published reference architectures; the golden-path templates stay as they were: ${error}`,
      );
      return;
    }

    const entities = standards
      .map(reference => this.templateOf(reference))
      .filter((e): e is Entity => Boolean(e))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const emitted = JSON.stringify(entities);
    if (emitted === this.lastEmitted) return;

    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.lastEmitted = emitted;
    this.deps.logger.info(
      `Golden-path templates: ${
        entities
          .map(e => e.metadata.annotations?.['platform-adoption.io/reference'])
          .join(', ') || 'none'
      }`,
    );
  }

  private templateOf(
    reference: ReferenceArchitectureVersion,
  ): Entity | undefined {
    const tag = `${reference.platform}@${reference.version}`;
    const renderer = rendererFor(reference.platform, this.renderers);
    if (!renderer) {
      this.warnOnce(
        `No golden path for ${tag}: there is no renderer for platform ${reference.platform}`,
      );
      return undefined;
    }
    const plan = planGoldenPath(renderer, reference);
    if (plan.forms.length === 0) {
      this.warnOnce(
        `No golden path for ${tag}: no form can meet it (${plan.problems.join(
          '; ',
        )})`,
      );
      return undefined;
    }
    if (plan.problems.length) {
      this.warnOnce(
        `Golden path for ${tag} leaves out what cannot be rendered: ${plan.problems.join(
          '; ',
        )}`,
      );
    }
    try {
      return goldenPathTemplate(reference, plan, this.deps.templates);
    } catch (error) {
      this.warnOnce(`No golden path for ${tag}: ${error}`);
      return undefined;
    }
  }

  private warnOnce(message: string) {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.deps.logger.warn(message);
  }
}
