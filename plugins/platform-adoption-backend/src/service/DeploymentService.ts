import { NotFoundError } from '@backstage/errors';
import {
  Deployment,
  PlatformDefinition,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { DeploymentQuery, DeploymentStore } from '../store/DeploymentStore';
import { ScanStore } from '../store/ScanStore';
import { encodeFacetValue } from '../store/rows';
import { EntityScope } from './EntityVisibility';
import { groupWithDescendants } from './orgScope';
import { JsonBody, jsonBody, ReadModel, ReadToken } from './ReadModel';

export interface DeploymentFilter {
  platform?: string;
  /** A group ref; its sub-teams are included. */
  team?: string;
  system?: string;
  environment?: string;
  entity?: string;
  search?: string;
  /** facet id → accepted values as the client typed them. */
  facets?: Record<string, string[]>;
  kind?: 'server' | 'client';
  /** false lists shadow usage: found in a repository, declared nowhere. */
  declared?: boolean;
  sort?: DeploymentQuery['sort'];
}

/** A facet value typed in a URL may stand for a string, a number or a boolean. */
function encodedCandidates(raw: string): string[] {
  const candidates = [encodeFacetValue(raw)];
  if (raw === 'true' || raw === 'false') candidates.push(encodeFacetValue(raw === 'true'));
  if (raw.trim() !== '' && Number.isFinite(Number(raw))) candidates.push(encodeFacetValue(Number(raw)));
  return candidates;
}

/** A page of deployments, as a query answers it. */
export interface DeploymentPage {
  items: Deployment[];
  totalCount: number;
  generation: number | undefined;
}

/**
 * Reads the current generation: deployments with filters, one entity's
 * deployments, platforms with their counts. A generation never changes
 * once current, so what every caller would get alike (platform counts,
 * pages for callers who see every entity) is kept per generation in the
 * {@link ReadModel}, serialized.
 */
export class DeploymentService {
  private readonly readModel: ReadModel;

  constructor(
    private readonly deps: {
      scans: ScanStore;
      deployments: DeploymentStore;
      platforms: () => PlatformDefinition[];
    },
  ) {
    this.readModel = ReadModel.of(deps.scans);
  }

  private async generation() {
    return this.deps.scans.currentGeneration();
  }

  async listPlatforms() {
    return JSON.parse((await this.listPlatformsBody()).body.toString('utf8')).items;
  }

  /** `{ items: platforms with their counts }`, serialized once per generation. */
  async listPlatformsBody(): Promise<JsonBody> {
    const token = await this.readModel.token();
    return this.readModel.get(token.generationKey, 'deployments:platforms', async () => {
      const counts = token.generation
        ? await this.deps.deployments.platformCounts(token.generation)
        : new Map();
      const items = this.deps.platforms().map(platform => ({
        ...platform,
        ...(counts.get(platform.id) ?? { deployments: 0, clients: 0, teams: 0 }),
      }));
      return { value: jsonBody({ items }) };
    });
  }

  /**
   * A page as the API answers it (`render` shapes it; `shape` names that
   * shape in the cache). Serialized once per generation, filter and page
   * when the caller may see every entity; with a `scope`, computed for the
   * caller.
   */
  async pageBody(
    filter: DeploymentFilter,
    page: { limit: number; offset: number },
    scope: EntityScope | undefined,
    shape: string,
    render: (page: DeploymentPage) => unknown,
  ): Promise<JsonBody> {
    if (scope) return jsonBody(render(await this.queryDeployments(filter, page, scope)));
    const token = await this.readModel.token();
    const key = `deployments:page:${shape}:${page.limit}:${page.offset}:${JSON.stringify(filter)}`;
    return this.readModel.get(token.generationKey, key, async () => ({
      value: jsonBody(render(await this.queryDeployments(filter, page, undefined, token))),
    }));
  }

  /**
   * A page of deployments. `scope` narrows them to what the caller may
   * see before paging, so pages and counts stay right under a conditional
   * catalog policy.
   */
  async queryDeployments(
    filter: DeploymentFilter,
    page: { limit: number; offset: number },
    scope?: EntityScope,
    token?: ReadToken,
  ): Promise<DeploymentPage> {
    const generation = token ? token.generation : await this.generation();
    if (!generation) return { items: [] as Deployment[], totalCount: 0, generation: undefined };
    const teamRefs = filter.team ? await this.teamWithSubTeams(generation, filter.team) : undefined;
    const query = {
      platform: filter.platform,
      teamRefs,
      systemRef: filter.system,
      environment: filter.environment,
      entityRef: filter.entity,
      search: filter.search,
      kind: filter.kind,
      declared: filter.declared,
      facets: Object.entries(filter.facets ?? {}).map(([facet, values]) => ({
        facet,
        values: values.flatMap(encodedCandidates),
        // A version line ("7.0") also matches its releases ("7.0.14").
        prefixes: this.isVersionFacet(filter.platform, facet)
          ? values.map(v => `${JSON.stringify(v).slice(0, -1)}.`)
          : [],
        orMissing: values.includes(UNKNOWN),
      })),
    };
    const entityRefs = scope
      ? [...(await scope(await this.deps.deployments.entityRefsOf(generation, query)))]
      : undefined;
    const result = await this.deps.deployments.query(generation, {
      ...query,
      entityRefs,
      sort: filter.sort,
      ...page,
    });
    return { ...result, generation };
  }

  async getDeployment(id: string) {
    const generation = await this.generation();
    const deployment = generation ? await this.deps.deployments.get(generation, id) : undefined;
    if (!deployment) throw new NotFoundError(`no deployment with id ${id} in the current scan`);
    return deployment;
  }

  private isVersionFacet(platform: string | undefined, facet: string) {
    const platforms = this.deps.platforms().filter(p => !platform || p.id === platform);
    return platforms.some(p => p.facets.some(f => f.id === facet && f.kind === 'version'));
  }

  private async teamWithSubTeams(generation: number, team: string) {
    return groupWithDescendants(await this.readModel.orgUnits(generation, this.deps.deployments), team);
  }
}
