import {
  analyzeFleet,
  barCounts,
  Deployment,
  facetDistributions,
  OrgIndex,
  OrgUnitNode,
  PlatformDefinition,
  PlatformSummary,
  rollUp,
  shadowAdoption,
} from '@platform-adoption/plugin-platform-adoption-common';
import { createHash } from 'node:crypto';
import { requirementsOf } from '../reference/requirements';
import { AnalysisStore, StoredFinding } from '../store/AnalysisStore';
import { ReferenceStore } from '../store/ReferenceStore';

/** What a generation's analysis is computed from. */
export interface AnalysisInput {
  /** The generation's deployments; loaded only when the analysis has to run. */
  deployments: () => Promise<Deployment[]>;
  orgUnits: OrgUnitNode[];
  /** Identifies the deployments' content: equal keys, equal deployments. */
  contentKey: string;
  /** Identifies the org units. */
  orgHash: string;
  /** The generation before, whose analysis is reused when every input is the same. */
  previous?: number;
}

/**
 * Runs the pure analysis over a generation's deployments and stores what
 * it concluded with that generation.
 *
 * The analysis is a function of the deployments, the org units, the
 * published standards and the platform definitions. When all of them are
 * what the previous generation was analysed with — by this process, so a
 * new version of the analysis always runs once — the new generation shares
 * its findings, summaries and rollups instead of computing them again.
 */
export class FleetAnalyzer {
  private last?: { generation: number; key: string };
  /** The definitions' text for the key, kept while they are the same objects (written once, at start). */
  private definitions?: { platforms: PlatformDefinition[]; text: string };

  constructor(
    private readonly deps: {
      store: AnalysisStore;
      references: ReferenceStore;
      platforms: () => PlatformDefinition[];
    },
  ) {}

  /**
   * Returns how many findings the generation has, and the findings
   * themselves when they were computed now (not shared).
   */
  async analyze(generation: number, input: AnalysisInput): Promise<{ findings: number; computed?: StoredFinding[] }> {
    const platforms = this.deps.platforms();
    const references = await this.deps.references.standards();
    const key = createHash('sha1')
      .update(
        JSON.stringify([
          input.contentKey,
          input.orgHash,
          [...references.values()].map(r => [r.platform, r.version]).sort(),
          this.definitionsText(platforms),
        ]),
      )
      .digest('hex');

    let result: { findings: number; computed?: StoredFinding[] };
    if (input.previous !== undefined && this.last?.generation === input.previous && this.last.key === key) {
      result = await this.deps.store.reuse(input.previous, generation);
    } else {
      result = await this.compute(generation, platforms, references, await input.deployments(), input.orgUnits);
    }
    await this.deps.store.setAnalysisKey(generation, key);
    this.last = { generation, key };
    return result;
  }

  private definitionsText(platforms: PlatformDefinition[]) {
    const known = this.definitions;
    if (known && known.platforms.length === platforms.length && known.platforms.every((p, i) => p === platforms[i])) {
      return known.text;
    }
    this.definitions = { platforms, text: JSON.stringify(platforms) };
    return this.definitions.text;
  }

  private async compute(
    generation: number,
    platforms: PlatformDefinition[],
    references: Awaited<ReturnType<ReferenceStore['standards']>>,
    deployments: Deployment[],
    orgUnits: OrgUnitNode[],
  ) {
    // Where the published reference says the majority is wrong, the
    // analysis scores against the reference instead of the majority.
    const standards = Object.fromEntries(
      [...references.entries()].map(([platform, reference]) => [platform, requirementsOf(reference)]),
    );
    const fleet = analyzeFleet(platforms, deployments, { standards });
    const { shadow, declaredWithoutConfiguration } = shadowAdoption(deployments);
    const summaries: PlatformSummary[] = fleet.platforms.map(analysis => {
      const platform = platforms.find(p => p.id === analysis.platform)!;
      return {
        platform: analysis.platform,
        scored: analysis.scored,
        deployments: analysis.deployments,
        consensus: analysis.consensus,
        rules: analysis.rules,
        distributions: barCounts(facetDistributions(platform, deployments)),
        shadow: shadow.filter(s => s.platform === analysis.platform),
        declaredWithoutConfiguration: declaredWithoutConfiguration.filter(
          d => d.platform === analysis.platform,
        ),
      };
    });
    const rollups = rollUp(deployments, fleet.findings, new OrgIndex(orgUnits));
    await this.deps.store.write(generation, { findings: fleet.findings, summaries, rollups });
    return { findings: fleet.findings.length, computed: fleet.findings };
  }
}
