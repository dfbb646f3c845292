import { NotFoundError, InputError } from '@backstage/errors';
import {
  deriveReference,
  diffReferences,
  facetDistributions,
  PlatformDefinition,
  ReferenceArchitectureContent,
} from '@platform-adoption/plugin-platform-adoption-common';
import { AnalysisStore } from '../store/AnalysisStore';
import { AuditStore } from '../store/AuditStore';
import { DeploymentStore } from '../store/DeploymentStore';
import { ReferenceStore } from '../store/ReferenceStore';
import { ScanStore } from '../store/ScanStore';
import { HistoryRecorder } from './HistoryRecorder';

/**
 * The CoE's workflow on reference architectures: derive a draft from the
 * fleet, edit it, publish it as the next immutable version, compare
 * versions, retire. Every change is audited; a publication is recorded in
 * the history right away.
 */
export class ReferenceService {
  constructor(
    private readonly deps: {
      references: ReferenceStore;
      scans: ScanStore;
      analysis: AnalysisStore;
      deployments: DeploymentStore;
      audit: AuditStore;
      history: HistoryRecorder;
      platforms: () => PlatformDefinition[];
      defaultOwner: string;
    },
  ) {}

  private platform(id: string) {
    const platform = this.deps.platforms().find(p => p.id === id);
    if (!platform) {
      throw new NotFoundError(`unknown platform "${id}"; known platforms: ${this.deps.platforms().map(p => p.id).join(', ')}`);
    }
    return platform;
  }

  /** Facets a reference may name are the platform's own, and none of its contexts. */
  private validate(platform: PlatformDefinition, content: ReferenceArchitectureContent) {
    const known = new Map(platform.facets.map(f => [f.id, f]));
    const named = [
      ...Object.keys(content.facets).map(id => ({ id, where: `facets.${id}` })),
      ...content.variants.flatMap(v => Object.keys(v.facets).map(id => ({ id, where: `variants.${v.id}.facets.${id}` }))),
    ];
    for (const { id, where } of named) {
      const facet = known.get(id);
      if (!facet) {
        throw new InputError(`${where}: ${platform.title} has no facet "${id}"; its facets are ${[...known.keys()].join(', ')}`);
      }
      if (facet.context) {
        throw new InputError(`${where}: "${id}" is a context facet (it groups peers); a reference cannot require it`);
      }
    }
  }

  async overview(platformId: string) {
    this.platform(platformId);
    const versions = await this.deps.references.listVersions(platformId);
    return {
      draft: (await this.deps.references.getDraft(platformId)) ?? null,
      standard: versions[0] && !versions[0].retiredAt ? versions[0] : null,
      versions: versions.map(({ version, publishedAt, publishedBy, retiredAt }) => ({
        version,
        publishedAt,
        publishedBy,
        ...(retiredAt ? { retiredAt } : {}),
      })),
    };
  }

  /** Every platform's current standard, for the golden-path templates. */
  async standards() {
    return [...(await this.deps.references.standards()).values()];
  }

  async version(platformId: string, version: number) {
    this.platform(platformId);
    const found = await this.deps.references.getVersion(platformId, version);
    if (!found) throw new NotFoundError(`${platformId} has no published version ${version}`);
    return found;
  }

  async saveDraft(platformId: string, content: ReferenceArchitectureContent, actor: string) {
    const platform = this.platform(platformId);
    this.validate(platform, content);
    const latest = (await this.deps.references.listVersions(platformId))[0];
    const draft = await this.deps.references.saveDraft(platformId, content, actor, latest?.version);
    await this.deps.audit.record(actor, 'reference.draft.save', `reference:${platformId}`);
    return draft;
  }

  async discardDraft(platformId: string, actor: string) {
    this.platform(platformId);
    if (!(await this.deps.references.deleteDraft(platformId))) {
      throw new NotFoundError(`${platformId} has no draft reference architecture`);
    }
    await this.deps.audit.record(actor, 'reference.draft.discard', `reference:${platformId}`);
  }

  async derive(platformId: string) {
    const platform = this.platform(platformId);
    const generation = await this.deps.scans.currentGeneration();
    const summary = generation ? await this.deps.analysis.summary(generation, platformId) : undefined;
    if (!summary || !summary.scored) {
      throw new NotFoundError(
        `there are too few ${platform.title} deployments to derive a reference from${generation ? '' : ' (no scan has completed yet)'}`,
      );
    }
    const deviants = await this.deps.analysis.findings(generation!, { platform: platformId, kind: 'positive-deviant' });
    // The stored bars are counts; the evidence names the deployments behind them.
    const deployments = await this.deps.deployments.readAll(generation!, platformId);
    const distributions = facetDistributions(platform, deployments);
    return deriveReference(platform, { ...summary, distributions }, deviants, this.deps.defaultOwner);
  }

  async publish(platformId: string, actor: string) {
    this.platform(platformId);
    return this.changedStandard('reference.publish', actor, await this.deps.references.publish(platformId, actor));
  }

  async retire(platformId: string, actor: string) {
    this.platform(platformId);
    return this.changedStandard('reference.retire', actor, await this.deps.references.retire(platformId, actor));
  }

  /** A new or retired standard is audited and shows in today's history at once. */
  private async changedStandard<T extends { platform: string; version: number }>(action: string, actor: string, reference: T) {
    await this.deps.audit.record(actor, action, `reference:${reference.platform}@${reference.version}`);
    const generation = await this.deps.scans.currentGeneration();
    if (generation) await this.deps.history.record(generation);
    return reference;
  }

  async diff(platformId: string, from: number, to: number) {
    const [a, b] = [await this.version(platformId, from), await this.version(platformId, to)];
    return { from, to, changes: diffReferences(a, b) };
  }
}
