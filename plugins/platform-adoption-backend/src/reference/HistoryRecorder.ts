import {
  activeExemptions,
  Deployment,
  Finding,
  OrgIndex,
  OrgUnitNode,
  PlatformDefinition,
  versionLine,
  WHOLE_COMPANY,
} from '@platform-adoption/plugin-platform-adoption-common';
import { createHash } from 'node:crypto';
import { AnalysisStore, StoredFinding } from '../store/AnalysisStore';
import { CampaignStore } from '../store/CampaignStore';
import { DeploymentStore } from '../store/DeploymentStore';
import { ExemptionStore } from '../store/ExemptionStore';
import { dayOf, HistoryMetrics, HistoryStore } from '../store/HistoryStore';
import { ReferenceStore } from '../store/ReferenceStore';
import { ConformanceService } from './ConformanceService';

/** Server deployments by platform, in one pass over the fleet. */
function serversByPlatform(deployments: Deployment[]): Map<string, Deployment[]> {
  const groups = new Map<string, Deployment[]>();
  for (const d of deployments) {
    if (d.kind !== 'server') continue;
    const group = groups.get(d.platform);
    if (group) group.push(d);
    else groups.set(d.platform, [d]);
  }
  return groups;
}

interface Accumulator extends Omit<HistoryMetrics, 'teams' | 'distinctVersions' | 'versionLines'> {
  teams: Set<string>;
  /** version line → deployments */
  versions: Map<string, number>;
}

/**
 * Records today's aggregates per platform and org unit after each scan and
 * each publication, and each open campaign's per-team progress.
 *
 * What is recorded is a function of the generation's analysed content, the
 * standards, the exemptions in force, the open campaigns, the platforms and
 * the day. A recording whose inputs are those of the day's stored snapshot,
 * recorded by this process, is skipped: an hourly scan of an unchanged
 * fleet does not recompute the day's history.
 */
export class HistoryRecorder {
  private lastFingerprint?: string;

  constructor(
    private readonly deps: {
      deployments: DeploymentStore;
      analysis: AnalysisStore;
      history: HistoryStore;
      campaigns: CampaignStore;
      references: ReferenceStore;
      conformance: ConformanceService;
      platforms: () => PlatformDefinition[];
      /** Without it every recording is computed in full. */
      exemptions?: ExemptionStore;
      now?: () => Date;
    },
  ) {}

  /**
   * Records the day's snapshot of `generation`. A scan that has the
   * generation's deployments (all platforms, sorted by id) or findings in
   * memory passes them instead of having them read again.
   */
  async record(
    generation: number,
    scan?: { deployments?: () => Promise<Deployment[]>; findings?: StoredFinding[]; orgUnits?: OrgUnitNode[] },
  ) {
    const now = this.deps.now?.() ?? new Date();
    const day = dayOf(now);
    const fingerprint = await this.fingerprint(generation, day, now);
    if (
      fingerprint &&
      fingerprint === this.lastFingerprint &&
      fingerprint === (await this.deps.history.fingerprint(day))
    ) {
      return;
    }
    const org = new OrgIndex(scan?.orgUnits ?? (await this.deps.deployments.readOrgUnits(generation)));
    const standards = await this.deps.references.standards();
    const rows: Array<{ platform: string; orgRef: string; metrics: HistoryMetrics }> = [];

    const all = await scan?.deployments?.();
    const servers = all && serversByPlatform(all);
    for (const platform of this.deps.platforms()) {
      const deployments = servers
        ? servers.get(platform.id) ?? []
        : (await this.deps.deployments.readAll(generation, platform.id)).filter(d => d.kind === 'server');
      const findings = scan?.findings
        ? scan.findings.filter(f => f.platform === platform.id)
        : await this.deps.analysis.findings(generation, { platform: platform.id });
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
            versions: new Map<string, number>(),
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
          if (line) acc.versions.set(line, (acc.versions.get(line) ?? 0) + 1);
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
            versionLines: Object.fromEntries(versions),
            conformance: acc.conforming !== null && acc.production ? acc.conforming / acc.production : null,
          },
        });
      }
      await this.recordCampaigns(platform.id, day, deployments, org);
    }
    await this.deps.history.record(day, generation, rows, fingerprint);
    await this.deps.history.prune(now);
    this.lastFingerprint = fingerprint;
  }

  /** Every input of a recording but the generation's number; undefined when one is unknown. */
  private async fingerprint(generation: number, day: string, now: Date): Promise<string | undefined> {
    const { analysis, exemptions, references, campaigns, platforms } = this.deps;
    if (!exemptions) return undefined;
    const analysisKey = await analysis.analysisKey(generation);
    if (!analysisKey) return undefined;
    const standards = [...(await references.standards()).values()].map(r => [r.platform, r.version]).sort();
    const exempt = activeExemptions(await exemptions.list({}), now)
      .map(e => e.id)
      .sort();
    const open = (await campaigns.list({ open: true })).map(c => [c.id, c.platform, c.targetVersion, c.scope]);
    return createHash('sha1')
      .update(JSON.stringify([day, analysisKey, standards, exempt, open, platforms()]))
      .digest('hex');
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
