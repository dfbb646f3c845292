import {
  activeExemptions,
  conformanceOf,
  Deployment,
  DeploymentConformance,
  Exemption,
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
import { Cached, ReadModel, ReadToken } from '../service/ReadModel';

/** Conforming production deployments of one org unit. */
export interface OrgConformance {
  conforming: number;
  production: number;
}

const isProductionServer = (d: Deployment) => d.kind === 'server' && d.environment === 'production';

/** What the CoE decided, as of one read token. */
interface Governance {
  standards: Map<string, ReferenceArchitectureVersion>;
  /** Every exemption, revoked and expired ones included, by platform (newest first). */
  exemptions: Map<string, Exemption[]>;
}

/**
 * Conformance follows the current deployments, the standard and the
 * exemptions in force, so publishing a version or granting an exemption
 * shows at once, without waiting for a scan. What it reads is kept in the
 * {@link ReadModel} and checked against its token on every request: the
 * standards and exemptions once per governance change, each platform's
 * conformance per org unit once per token — and only until the next
 * exemption in force expires.
 */
export class ConformanceService {
  private readonly readModel: ReadModel;

  constructor(
    private readonly deps: {
      scans: ScanStore;
      deployments: DeploymentStore;
      references: ReferenceStore;
      exemptions: ExemptionStore;
      platforms: () => PlatformDefinition[];
      now?: () => Date;
    },
  ) {
    this.readModel = ReadModel.of(deps.scans);
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  /** The clock exemptions expire by, in epoch milliseconds (for caches built on conformance). */
  readonly clock = () => this.now().getTime();

  /** What the answers of one request should all be computed as of (see {@link ReadModel}). */
  token(): Promise<ReadToken> {
    return this.readModel.token();
  }

  /** The standards and exemptions as of `token`, read once per change. */
  private governance(token: ReadToken): Promise<Governance> {
    return this.readModel.get(token.key, 'conformance:governance', async () => {
      const [standards, all] = await Promise.all([this.deps.references.standards(), this.deps.exemptions.list({})]);
      const exemptions = new Map<string, Exemption[]>();
      for (const e of all) {
        const list = exemptions.get(e.platform);
        if (list) list.push(e);
        else exemptions.set(e.platform, [e]);
      }
      return { value: { standards, exemptions } };
    });
  }

  /** Every platform's standard as of `token` (default: now). */
  async standards(token?: ReadToken) {
    return (await this.governance(token ?? (await this.readModel.token()))).standards;
  }

  platform(id: string): PlatformDefinition {
    const platform = this.deps.platforms().find(p => p.id === id);
    if (!platform) {
      throw new NotFoundError(`unknown platform "${id}"; known platforms: ${this.deps.platforms().map(p => p.id).join(', ')}`);
    }
    return platform;
  }

  async standard(platform: string, token?: ReadToken) {
    return (await this.standards(token)).get(platform);
  }

  /** Conformance of each given deployment to `reference` (default: the standard). */
  async evaluate(
    platformId: string,
    deployments: Deployment[],
    reference?: ReferenceArchitectureVersion,
    token?: ReadToken,
  ): Promise<Map<string, DeploymentConformance>> {
    return (await this.evaluateUntil(platformId, deployments, reference, token)).value;
  }

  /** {@link evaluate}, with until when its answer holds: the next expiry of an exemption in force. */
  private async evaluateUntil(
    platformId: string,
    deployments: Deployment[],
    reference?: ReferenceArchitectureVersion,
    token?: ReadToken,
  ): Promise<Cached<Map<string, DeploymentConformance>>> {
    const platform = this.platform(platformId);
    const governance = await this.governance(token ?? (await this.readModel.token()));
    const standard = reference ?? governance.standards.get(platformId);
    const result = new Map<string, DeploymentConformance>();
    if (!standard) return { value: result };
    const exemptions = activeExemptions(governance.exemptions.get(platformId) ?? [], this.now());
    // Each deployment sees only its own exemptions, in the same order.
    const byDeployment = new Map<string, Exemption[]>();
    for (const e of exemptions) {
      const list = byDeployment.get(e.deploymentId);
      if (list) list.push(e);
      else byDeployment.set(e.deploymentId, [e]);
    }
    for (const d of deployments) {
      if (d.platform !== platformId || d.kind !== 'server') continue;
      result.set(d.id, conformanceOf(d, standard, platform, byDeployment.get(d.id) ?? []));
    }
    const validUntil = exemptions.reduce<number | undefined>(
      (soonest, e) => Math.min(soonest ?? Infinity, Date.parse(e.expiresAt)),
      undefined,
    );
    return { value: result, validUntil };
  }

  /** Share of conforming production deployments per org unit, sub-units included. */
  async byOrgUnit(platformId: string, reference?: ReferenceArchitectureVersion, token?: ReadToken) {
    return (await this.byOrgUnitUntil(platformId, reference, token)).value;
  }

  /**
   * {@link byOrgUnit} with until when it holds. Against the standard it is
   * computed once per token (it reads every deployment of the platform).
   */
  async byOrgUnitUntil(
    platformId: string,
    reference?: ReferenceArchitectureVersion,
    token?: ReadToken,
  ): Promise<Cached<Map<string, OrgConformance>>> {
    const current = token ?? (await this.readModel.token());
    if (reference) return this.computeByOrgUnit(platformId, reference, current);
    const value = await this.readModel.get(
      current.key,
      `conformance:byOrgUnit:${platformId}`,
      async () => {
        const computed = await this.computeByOrgUnit(platformId, undefined, current);
        // The answer itself carries its expiry, for whoever caches what is built on it.
        return { value: computed, validUntil: computed.validUntil };
      },
      this.clock,
    );
    return value;
  }

  private async computeByOrgUnit(
    platformId: string,
    reference: ReferenceArchitectureVersion | undefined,
    token: ReadToken,
  ): Promise<Cached<Map<string, OrgConformance>>> {
    const { generation } = token;
    const result = new Map<string, OrgConformance>();
    if (!generation) return { value: result };
    const deployments = (await this.deps.deployments.readAll(generation, platformId)).filter(isProductionServer);
    const { value: conformance, validUntil } = await this.evaluateUntil(platformId, deployments, reference, token);
    if (!conformance.size) return { value: result, validUntil };
    const org = new OrgIndex(await this.readModel.orgUnits(generation, this.deps.deployments));
    for (const d of deployments) {
      const units = d.teamRef ? [...org.lineage(d.teamRef), WHOLE_COMPANY] : [WHOLE_COMPANY];
      for (const unit of units) {
        const entry = result.get(unit) ?? { conforming: 0, production: 0 };
        entry.production += 1;
        if (conformance.get(d.id)?.conforming) entry.conforming += 1;
        result.set(unit, entry);
      }
    }
    return { value: result, validUntil };
  }

  /** How many production deployments a draft would let conform, and which facets hold the rest back. */
  async preview(platformId: string, content: ReferenceArchitectureContent) {
    const token = await this.readModel.token();
    const generation = token.generation;
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
    const conformance = await this.evaluate(platformId, deployments, draft, token);
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
