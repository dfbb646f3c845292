import {
  analyzeFleet,
  Deployment,
  facetDistributions,
  OrgIndex,
  OrgUnitNode,
  PlatformDefinition,
  PlatformSummary,
  rollUp,
  shadowAdoption,
} from '@platform-adoption/plugin-platform-adoption-common';
import { requirementsOf } from '../reference/requirements';
import { AnalysisStore } from '../store/AnalysisStore';
import { ReferenceStore } from '../store/ReferenceStore';

/**
 * Runs the pure analysis over a generation's deployments and stores what
 * it concluded with that generation.
 */
export class FleetAnalyzer {
  constructor(
    private readonly deps: {
      store: AnalysisStore;
      references: ReferenceStore;
      platforms: () => PlatformDefinition[];
    },
  ) {}

  async analyze(generation: number, deployments: Deployment[], orgUnits: OrgUnitNode[]) {
    const platforms = this.deps.platforms();
    // Where the published reference says the majority is wrong, the
    // analysis scores against the reference instead of the majority.
    const standards = Object.fromEntries(
      [...(await this.deps.references.standards()).entries()].map(([platform, reference]) => [
        platform,
        requirementsOf(reference),
      ]),
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
        distributions: facetDistributions(platform, deployments),
        shadow: shadow.filter(s => s.platform === analysis.platform),
        declaredWithoutConfiguration: declaredWithoutConfiguration.filter(
          d => d.platform === analysis.platform,
        ),
      };
    });
    const rollups = rollUp(deployments, fleet.findings, new OrgIndex(orgUnits));
    await this.deps.store.write(generation, { findings: fleet.findings, summaries, rollups });
    return { findings: fleet.findings.length };
  }
}
