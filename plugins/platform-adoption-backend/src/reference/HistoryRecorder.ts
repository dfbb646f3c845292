import {
  Deployment,
  Finding,
  OrgIndex,
  PlatformDefinition,
  versionLine,
  WHOLE_COMPANY,
} from '@platform-adoption/plugin-platform-adoption-common';
import { AnalysisStore } from '../store/AnalysisStore';
import { CampaignStore } from '../store/CampaignStore';
import { DeploymentStore } from '../store/DeploymentStore';
import { dayOf, HistoryMetrics, HistoryStore } from '../store/HistoryStore';
import { ReferenceStore } from '../store/ReferenceStore';
import { ConformanceService } from './ConformanceService';

interface Accumulator extends Omit<HistoryMetrics, 'teams' | 'distinctVersions'> {
  teams: Set<string>;
  versions: Set<string>;
}

/**
 * Records today's aggregates per platform and org unit after each scan and
 * each publication, and each open campaign's per-team progress.
 */
export class HistoryRecorder {
  constructor(
    private readonly deps: {
      deployments: DeploymentStore;
      analysis: AnalysisStore;
      history: HistoryStore;
      campaigns: CampaignStore;
      references: ReferenceStore;
      conformance: ConformanceService;
      platforms: () => PlatformDefinition[];
      now?: () => Date;
    },
  ) {}

  async record(generation: number) {
    const now = this.deps.now?.() ?? new Date();
    const day = dayOf(now);
    const org = new OrgIndex(await this.deps.deployments.readOrgUnits(generation));
    const standards = await this.deps.references.standards();
    const rows: Array<{ platform: string; orgRef: string; metrics: HistoryMetrics }> = [];

    for (const platform of this.deps.platforms()) {
      const deployments = (await this.deps.deployments.readAll(generation, platform.id)).filter(d => d.kind === 'server');
      const findings = await this.deps.analysis.findings(generation, { platform: platform.id });
      const conformance = await this.deps.conformance.evaluate(platform.id, deployments);
      const standard = standards.get(platform.id);
      const flagged = (kind: Finding['kind']) =>
        new Set(findings.filter(f => f.kind === kind).flatMap(f => f.deploymentIds ?? [f.deploymentId]));
      const snowflakes = flagged('snowflake');
      const deviants = flagged('positive-deviant');

      const units = new Map<string, Accumulator>();
      for (const d of deployments) {
        for (const unit of d.teamRef ? [...org.lineage(d.teamRef), WHOLE_COMPANY] : [WHOLE_COMPANY]) {
          const acc = units.get(unit) ?? {
            deployments: 0,
            production: 0,
            teams: new Set<string>(),
            conforming: standard ? 0 : null,
            conformance: null,
            referenceVersion: standard?.version ?? null,
            snowflakes: 0,
            positiveDeviants: 0,
            versions: new Set<string>(),
            goldenPath: 0,
          };
          acc.deployments += 1;
          if (d.teamRef) acc.teams.add(d.teamRef);
          if (d.environment === 'production') {
            acc.production += 1;
            if (acc.conforming !== null && conformance.get(d.id)?.conforming) acc.conforming += 1;
          }
          if (snowflakes.has(d.id)) acc.snowflakes += 1;
          if (deviants.has(d.id)) acc.positiveDeviants += 1;
          const line = versionLine(d.facets.version?.value);
          if (line) acc.versions.add(line);
          if (d.goldenPath) acc.goldenPath += 1;
          units.set(unit, acc);
        }
      }
      for (const [orgRef, { teams, versions, ...acc }] of units) {
        rows.push({
          platform: platform.id,
          orgRef,
          metrics: {
            ...acc,
            teams: teams.size,
            distinctVersions: versions.size,
            conformance: acc.conforming !== null && acc.production ? acc.conforming / acc.production : null,
          },
        });
      }
      await this.recordCampaigns(platform.id, day, deployments, org);
    }
    await this.deps.history.record(day, generation, rows);
    await this.deps.history.prune(now);
  }

  private async recordCampaigns(platformId: string, day: string, deployments: Deployment[], org: OrgIndex) {
    for (const campaign of await this.deps.campaigns.list({ platform: platformId, open: true })) {
      const target = await this.deps.references.getVersion(platformId, campaign.targetVersion);
      if (!target) continue;
      const inScope = deployments.filter(
        d => d.environment === 'production' && d.teamRef && org.lineage(d.teamRef).some(u => campaign.scope.includes(u)),
      );
      const conformance = await this.deps.conformance.evaluate(platformId, inScope, target);
      const teams = new Map<string, { nonconforming: number; total: number }>();
      for (const d of inScope) {
        const t = teams.get(d.teamRef!) ?? { nonconforming: 0, total: 0 };
        t.total += 1;
        if (!conformance.get(d.id)?.conforming) t.nonconforming += 1;
        teams.set(d.teamRef!, t);
      }
      await this.deps.campaigns.recordProgress(
        campaign.id,
        day,
        [...teams.entries()].map(([teamRef, t]) => ({ teamRef, ...t })),
      );
    }
  }
}
