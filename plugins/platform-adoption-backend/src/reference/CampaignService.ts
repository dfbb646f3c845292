import { NotFoundError } from '@backstage/errors';
import { Campaign } from '@platform-adoption/plugin-platform-adoption-common';
import { AuditStore } from '../store/AuditStore';
import { CampaignStore } from '../store/CampaignStore';
import { ReferenceStore } from '../store/ReferenceStore';

const DAY = 86400_000;

/**
 * Campaigns and their burn-down. A team is behind when the share of its
 * deployments still not conforming is above what a straight line from the
 * campaign's first day to its deadline allows today.
 */
export class CampaignService {
  constructor(
    private readonly deps: {
      campaigns: CampaignStore;
      references: ReferenceStore;
      audit: AuditStore;
      now?: () => Date;
    },
  ) {}

  async create(input: Omit<Campaign, 'id' | 'createdAt' | 'closedAt'>) {
    if (!(await this.deps.references.getVersion(input.platform, input.targetVersion))) {
      throw new NotFoundError(`${input.platform} has no published version ${input.targetVersion} to target`);
    }
    const campaign = await this.deps.campaigns.create(input);
    await this.deps.audit.record(input.createdBy, 'campaign.start', `campaign:${campaign.id}`, {
      platform: campaign.platform,
      targetVersion: campaign.targetVersion,
      deadline: campaign.deadline,
    });
    return campaign;
  }

  async close(id: string, actor: string) {
    const campaign = await this.deps.campaigns.close(id);
    await this.deps.audit.record(actor, 'campaign.close', `campaign:${id}`);
    return campaign;
  }

  list(filter: { platform?: string }) {
    return this.deps.campaigns.list(filter);
  }

  async status(id: string) {
    const campaign = await this.deps.campaigns.get(id);
    const progress = await this.deps.campaigns.progress(id);
    const days = [...new Set(progress.map(p => p.day))].sort();
    const burnDown = days.map(day => {
      const rows = progress.filter(p => p.day === day);
      return {
        day,
        nonconforming: rows.reduce((s, r) => s + r.nonconforming, 0),
        total: rows.reduce((s, r) => s + r.total, 0),
      };
    });
    const first = days[0];
    const last = days[days.length - 1];
    const now = this.deps.now?.() ?? new Date();
    const start = first ? new Date(`${first}T00:00:00Z`).getTime() : now.getTime();
    const deadline = new Date(campaign.deadline).getTime();
    const allowedShare =
      deadline <= start ? 0 : Math.max(0, Math.min(1, (deadline - now.getTime()) / (deadline - start)));
    const teams = progress
      .filter(p => p.day === last)
      .map(p => {
        const initial = progress.find(q => q.day === first && q.teamRef === p.teamRef)?.nonconforming ?? p.nonconforming;
        const remainingShare = initial ? p.nonconforming / initial : 0;
        return {
          teamRef: p.teamRef,
          nonconforming: p.nonconforming,
          total: p.total,
          initialNonconforming: initial,
          behind: p.nonconforming > 0 && remainingShare > allowedShare + 1e-9,
        };
      })
      .sort((a, b) => Number(b.behind) - Number(a.behind) || b.nonconforming - a.nonconforming);
    return {
      campaign,
      burnDown,
      teams,
      daysLeft: Math.ceil((deadline - now.getTime()) / DAY),
    };
  }
}
