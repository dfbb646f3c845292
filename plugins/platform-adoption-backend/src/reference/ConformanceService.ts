import {
  activeExemptions,
  conformanceOf,
  Deployment,
  DeploymentConformance,
  OrgIndex,
  PlatformDefinition,
  ReferenceArchitectureContent,
  ReferenceArchitectureVersion,
  WHOLE_COMPANY,
} from '@platform-adoption/plugin-platform-adoption-common';
import { NotFoundError } from '@backstage/errors';
import { DeploymentStore } from '../store/DeploymentStore';
import { ExemptionStore } from '../store/ExemptionStore';
import { ReferenceStore } from '../store/ReferenceStore';
import { ScanStore } from '../store/ScanStore';

/** Conforming production deployments of one org unit. */
export interface OrgConformance {
  conforming: number;
  production: number;
}

const isProductionServer = (d: Deployment) => d.kind === 'server' && d.environment === 'production';

/**
 * Conformance is computed when asked, from the current deployments, the
 * standard and the exemptions in force, so publishing a version or granting
 * an exemption shows at once, without waiting for a scan.
 */
export class ConformanceService {
  constructor(
    private readonly deps: {
      scans: ScanStore;
      deployments: DeploymentStore;
      references: ReferenceStore;
      exemptions: ExemptionStore;
      platforms: () => PlatformDefinition[];
      now?: () => Date;
    },
  ) {}

  platform(id: string): PlatformDefinition {
    const platform = this.deps.platforms().find(p => p.id === id);
    if (!platform) {
      throw new NotFoundError(`unknown platform "${id}"; known platforms: ${this.deps.platforms().map(p => p.id).join(', ')}`);
    }
    return platform;
  }

  async standard(platform: string) {
    return (await this.deps.references.standards()).get(platform);
  }

  /** Conformance of each given deployment to `reference` (default: the standard). */
  async evaluate(
    platformId: string,
    deployments: Deployment[],
    reference?: ReferenceArchitectureVersion,
  ): Promise<Map<string, DeploymentConformance>> {
    const platform = this.platform(platformId);
    const standard = reference ?? (await this.standard(platformId));
    const result = new Map<string, DeploymentConformance>();
    if (!standard) return result;
    const now = this.deps.now?.() ?? new Date();
    const exemptions = activeExemptions(await this.deps.exemptions.list({ platform: platformId }), now);
    for (const d of deployments) {
      if (d.platform !== platformId || d.kind !== 'server') continue;
      result.set(d.id, conformanceOf(d, standard, platform, exemptions));
    }
    return result;
  }

  /** Share of conforming production deployments per org unit, sub-units included. */
  async byOrgUnit(platformId: string, reference?: ReferenceArchitectureVersion) {
    const generation = await this.deps.scans.currentGeneration();
    const result = new Map<string, OrgConformance>();
    if (!generation) return result;
    const deployments = (await this.deps.deployments.readAll(generation, platformId)).filter(isProductionServer);
    const conformance = await this.evaluate(platformId, deployments, reference);
    if (!conformance.size) return result;
    const org = new OrgIndex(await this.deps.deployments.readOrgUnits(generation));
    for (const d of deployments) {
      const units = d.teamRef ? [...org.lineage(d.teamRef), WHOLE_COMPANY] : [WHOLE_COMPANY];
      for (const unit of units) {
        const entry = result.get(unit) ?? { conforming: 0, production: 0 };
        entry.production += 1;
        if (conformance.get(d.id)?.conforming) entry.conforming += 1;
        result.set(unit, entry);
      }
    }
    return result;
  }

  /** How many production deployments a draft would let conform, and which facets hold the rest back. */
  async preview(platformId: string, content: ReferenceArchitectureContent) {
    const generation = await this.deps.scans.currentGeneration();
    const deployments = generation
      ? (await this.deps.deployments.readAll(generation, platformId)).filter(isProductionServer)
      : [];
    const draft: ReferenceArchitectureVersion = {
      ...content,
      platform: platformId,
      version: 0,
      publishedAt: '',
      publishedBy: '',
    };
    const conformance = await this.evaluate(platformId, deployments, draft);
    const blocking: Record<string, number> = {};
    for (const c of conformance.values()) {
      for (const d of c.differences.filter(x => !x.exemptionId)) blocking[d.facet] = (blocking[d.facet] ?? 0) + 1;
    }
    return {
      production: deployments.length,
      conforming: [...conformance.values()].filter(c => c.conforming).length,
      blocking,
    };
  }
}
