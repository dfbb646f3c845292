import { NotFoundError } from '@backstage/errors';
import {
  adoptionStage,
  Finding,
  OrgRollup,
  PlatformDefinition,
  WHOLE_COMPANY,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ConformanceService, OrgConformance } from '../reference/ConformanceService';
import { AnalysisStore } from '../store/AnalysisStore';
import { DeploymentStore } from '../store/DeploymentStore';
import { ScanStore } from '../store/ScanStore';
import { groupWithDescendants } from './orgScope';
import { Cached, JsonBody, jsonBody, ReadModel, ReadToken } from './ReadModel';

export interface FindingFilter {
  platform?: string;
  kind?: Finding['kind'];
  team?: string;
  entity?: string;
}

/** The earliest of some expiries (undefined: never). */
function earliest(...times: Array<number | undefined>): number | undefined {
  const known = times.filter((t): t is number => t !== undefined);
  return known.length ? Math.min(...known) : undefined;
}

/**
 * Reads what the analysis concluded for the current generation: findings
 * with the deployments they are about, per platform summaries, rollups
 * with their adoption stage, and the overview.
 *
 * Answers that are the same for every caller (the overview, rollups) are
 * computed once per {@link ReadToken} and kept serialized; findings once
 * per generation and filter (the caller's visibility is applied after).
 */
export class AnalysisService {
  private readonly readModel: ReadModel;

  constructor(
    private readonly deps: {
      scans: ScanStore;
      deployments: DeploymentStore;
      analysis: AnalysisStore;
      conformance: ConformanceService;
      platforms: () => PlatformDefinition[];
    },
  ) {
    this.readModel = ReadModel.of(deps.scans);
  }

  private platform(id: string) {
    const platform = this.deps.platforms().find(p => p.id === id);
    if (!platform) {
      const known = this.deps.platforms().map(p => p.id).join(', ');
      throw new NotFoundError(`unknown platform "${id}"; known platforms: ${known}`);
    }
    return platform;
  }

  async findings(filter: FindingFilter) {
    if (filter.platform) this.platform(filter.platform);
    const token = await this.readModel.token();
    const { generation } = token;
    if (!generation) return [];
    const key = `analysis:findings:${JSON.stringify([filter.platform, filter.kind, filter.team, filter.entity])}`;
    return this.readModel.get(token.generationKey, key, async () => ({
      value: await this.readFindings(generation, filter),
    }));
  }

  private async readFindings(generation: number, filter: FindingFilter) {
    const teamRefs = filter.team ? groupWithDescendants(await this.readModel.orgUnits(generation, this.deps.deployments), filter.team) : undefined;
    let deploymentIds: string[] | undefined;
    if (filter.entity) {
      const { items } = await this.deps.deployments.query(generation, {
        entityRef: filter.entity,
        limit: 500,
        offset: 0,
      });
      deploymentIds = items.map(d => d.id);
    }
    const findings = await this.deps.analysis.findings(generation, {
      platform: filter.platform,
      kind: filter.kind,
      teamRefs,
      deploymentIds,
    });
    const ids = [...new Set(findings.flatMap(f => f.deploymentIds ?? [f.deploymentId]))];
    const byId = new Map(
      (await this.deps.deployments.getMany(generation, ids)).map(d => [
        d.id,
        {
          id: d.id,
          name: d.name,
          entityRef: d.entityRef,
          teamRef: d.teamRef,
          environment: d.environment,
          repository: d.repository,
        },
      ]),
    );
    return findings.map(f => ({
      ...f,
      deployments: (f.deploymentIds ?? [f.deploymentId]).map(id => byId.get(id)).filter(Boolean),
    }));
  }

  async summary(platformId: string) {
    this.platform(platformId);
    const generation = await this.deps.scans.currentGeneration();
    return generation ? (await this.deps.analysis.summary(generation, platformId)) ?? null : null;
  }

  /** Conformance per org unit, for each platform with a standard, and until when it holds. */
  private async conformanceByPlatform(platforms: string[], token: ReadToken) {
    const result = new Map<string, Map<string, OrgConformance>>();
    const standards = await this.deps.conformance.standards(token);
    let validUntil: number | undefined;
    for (const platform of platforms) {
      if (standards.get(platform) === undefined) continue;
      const byOrg = await this.deps.conformance.byOrgUnitUntil(platform, undefined, token);
      result.set(platform, byOrg.value);
      validUntil = earliest(validUntil, byOrg.validUntil);
    }
    return { value: result, validUntil, standards };
  }

  private withStage(rollup: OrgRollup, conformance: Map<string, Map<string, OrgConformance>>) {
    const byOrg = conformance.get(rollup.platform);
    const own = byOrg?.get(rollup.orgRef);
    return {
      ...rollup,
      conformance: byOrg ? { conforming: own?.conforming ?? 0, production: own?.production ?? 0 } : null,
      stage: adoptionStage({
        production: rollup.production,
        nonProduction: rollup.nonProduction,
        productionTeams: rollup.productionTeams,
        referencePublished: Boolean(byOrg),
        conforming: own?.conforming ?? 0,
      }),
    };
  }

  async rollups(filter: { platform?: string; org?: string }) {
    return JSON.parse((await this.rollupsBody(filter)).body.toString('utf8'));
  }

  /** Rollups with their stage and conformance, serialized once per token and filter. */
  async rollupsBody(filter: { platform?: string; org?: string }): Promise<JsonBody> {
    if (filter.platform) this.platform(filter.platform);
    const token = await this.readModel.token();
    const key = `analysis:rollups:${JSON.stringify([filter.platform, filter.org])}`;
    return this.readModel.get(
      token.key,
      key,
      async () => {
        const { value, validUntil } = await this.computeRollups(filter, token);
        return { value: jsonBody(value), validUntil };
      },
      this.deps.conformance.clock,
    );
  }

  private async computeRollups(filter: { platform?: string; org?: string }, token: ReadToken): Promise<Cached<unknown>> {
    const { generation } = token;
    if (!generation) return { value: { items: [], orgUnits: [] } };
    const orgUnits = await this.readModel.orgUnits(generation, this.deps.deployments);
    const orgRefs = filter.org ? groupWithDescendants(orgUnits, filter.org) : undefined;
    const rollups = await this.deps.analysis.rollups(generation, { platform: filter.platform, orgRefs });
    const conformance = await this.conformanceByPlatform([...new Set(rollups.map(r => r.platform))], token);
    return {
      value: { items: rollups.map(r => this.withStage(r, conformance.value)), orgUnits },
      validUntil: conformance.validUntil,
    };
  }

  /** One line per platform for the whole company, plus shadow usage counts. */
  async overview() {
    return JSON.parse((await this.overviewBody()).body.toString('utf8'));
  }

  /** {@link overview}, serialized once per token. */
  async overviewBody(): Promise<JsonBody> {
    const token = await this.readModel.token();
    return this.readModel.get(
      token.key,
      'analysis:overview',
      async () => {
        const { value, validUntil } = await this.computeOverview(token);
        return { value: jsonBody(value), validUntil };
      },
      this.deps.conformance.clock,
    );
  }

  private async computeOverview(token: ReadToken): Promise<Cached<unknown>> {
    const { generation } = token;
    const platforms = this.deps.platforms();
    const rollups = generation
      ? await this.deps.analysis.rollups(generation, { orgRefs: [WHOLE_COMPANY] })
      : [];
    const summaries = generation ? await this.deps.analysis.summaries(generation) : [];
    const conformance = await this.conformanceByPlatform(platforms.map(p => p.id), token);
    return {
      value: {
        generation: generation ?? null,
        platforms: platforms.map(platform => {
          const rollup = rollups.find(r => r.platform === platform.id);
          const summary = summaries.find(s => s.platform === platform.id);
          return {
            id: platform.id,
            title: platform.title,
            vendor: platform.vendor,
            rollup: rollup ? this.withStage(rollup, conformance.value) : null,
            referenceVersion: conformance.standards.get(platform.id)?.version ?? null,
            shadowRepositories: summary?.shadow.length ?? 0,
            declaredWithoutConfiguration: summary?.declaredWithoutConfiguration.length ?? 0,
          };
        }),
      },
      validUntil: conformance.validUntil,
    };
  }
}
