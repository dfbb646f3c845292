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

export interface FindingFilter {
  platform?: string;
  kind?: Finding['kind'];
  team?: string;
  entity?: string;
}

/**
 * Reads what the analysis concluded for the current generation: findings
 * with the deployments they are about, per platform summaries, rollups
 * with their adoption stage, and the overview.
 */
export class AnalysisService {
  constructor(
    private readonly deps: {
      scans: ScanStore;
      deployments: DeploymentStore;
      analysis: AnalysisStore;
      conformance: ConformanceService;
      platforms: () => PlatformDefinition[];
    },
  ) {}

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
    const generation = await this.deps.scans.currentGeneration();
    if (!generation) return [];
    const teamRefs = filter.team
      ? groupWithDescendants(await this.deps.deployments.readOrgUnits(generation), filter.team)
      : undefined;
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

  /** Conformance per org unit, for each platform with a standard. */
  private async conformanceByPlatform(platforms: string[]) {
    const result = new Map<string, Map<string, OrgConformance>>();
    for (const platform of platforms) {
      if ((await this.deps.conformance.standard(platform)) === undefined) continue;
      result.set(platform, await this.deps.conformance.byOrgUnit(platform));
    }
    return result;
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
    if (filter.platform) this.platform(filter.platform);
    const generation = await this.deps.scans.currentGeneration();
    if (!generation) return { items: [], orgUnits: [] };
    const orgUnits = await this.deps.deployments.readOrgUnits(generation);
    const orgRefs = filter.org ? groupWithDescendants(orgUnits, filter.org) : undefined;
    const rollups = await this.deps.analysis.rollups(generation, { platform: filter.platform, orgRefs });
    const conformance = await this.conformanceByPlatform([...new Set(rollups.map(r => r.platform))]);
    return { items: rollups.map(r => this.withStage(r, conformance)), orgUnits };
  }

  /** One line per platform for the whole company, plus shadow usage counts. */
  async overview() {
    const generation = await this.deps.scans.currentGeneration();
    const platforms = this.deps.platforms();
    const rollups = generation
      ? await this.deps.analysis.rollups(generation, { orgRefs: [WHOLE_COMPANY] })
      : [];
    const summaries = generation ? await this.deps.analysis.summaries(generation) : [];
    const conformance = await this.conformanceByPlatform(platforms.map(p => p.id));
    return {
      generation: generation ?? null,
      platforms: await Promise.all(platforms.map(async platform => {
        const rollup = rollups.find(r => r.platform === platform.id);
        const summary = summaries.find(s => s.platform === platform.id);
        return {
          id: platform.id,
          title: platform.title,
          vendor: platform.vendor,
          rollup: rollup ? this.withStage(rollup, conformance) : null,
          referenceVersion: (await this.deps.conformance.standard(platform.id))?.version ?? null,
          shadowRepositories: summary?.shadow.length ?? 0,
          declaredWithoutConfiguration: summary?.declaredWithoutConfiguration.length ?? 0,
        };
      })),
    };
  }
}
