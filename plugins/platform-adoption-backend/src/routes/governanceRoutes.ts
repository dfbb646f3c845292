import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  Exemption,
  platformAdoptionCampaignManagePermission,
  platformAdoptionExemptionManagePermission,
  platformAdoptionReadPermission,
  WHOLE_COMPANY,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Router } from 'express';
import { z } from 'zod';
import { CampaignService } from '../reference/CampaignService';
import { ConformanceService } from '../reference/ConformanceService';
import { GoldenPathUpgrades } from '../reference/GoldenPathUpgrades';
import { DeploymentService } from '../service/DeploymentService';
import { EntityVisibility } from '../service/EntityVisibility';
import { Authorize } from '../service/authorize';
import { parseInput } from '../service/validation';
import { AuditStore } from '../store/AuditStore';
import { ExemptionStore } from '../store/ExemptionStore';
import { HistoryStore } from '../store/HistoryStore';
import { ReferenceStore } from '../store/ReferenceStore';
import { actorOf } from './actor';
import { entityRef, name, pageQuery } from './schemas';

const isoDate = z.string().refine(v => !Number.isNaN(Date.parse(v)), 'must be a date such as 2027-03-31');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const MAX_EXEMPTION_DAYS = 2 * 366;

export interface GovernanceDeps {
  authorize: Authorize;
  upgrades: GoldenPathUpgrades;
  deployments: DeploymentService;
  visibility: EntityVisibility;
  conformance: ConformanceService;
  exemptions: ExemptionStore;
  campaigns: CampaignService;
  history: HistoryStore;
  references: ReferenceStore;
  audit: AuditStore;
}

/** Conformance, exemptions, history, campaigns and the audit trail. */
export function governanceRoutes(router: Router, deps: GovernanceDeps) {
  const { authorize } = deps;

  /**
   * The exemptions whose deployment the caller may see. Exemptions name
   * deployments by id only; a restricted caller gets those of the current
   * scan's deployments on entities the catalog shows them, nothing else.
   */
  async function visibleExemptions(credentials: BackstageCredentials, items: Exemption[]) {
    if (!(await deps.visibility.scope(credentials))) return items;
    const ids = [...new Set(items.map(e => e.deploymentId))];
    const deployments = await Promise.all(ids.map(id => deps.deployments.getDeployment(id).catch(() => undefined)));
    const shown = await deps.visibility.restrict(
      credentials,
      deployments.filter((d): d is NonNullable<typeof d> => Boolean(d)),
      d => d.entityRef,
    );
    const visible = new Set(shown.map(d => d.id));
    return items.filter(e => visible.has(e.deploymentId));
  }

  router.get('/conformance', async (req, res) => {
    const q = parseInput(
      z.object({ platform: name, team: entityRef.optional(), entity: entityRef.optional(), system: entityRef.optional() }).strict(),
      req.query,
      'query',
    );
    const credentials = await authorize(req, platformAdoptionReadPermission);
    deps.conformance.platform(q.platform);
    // One token for the whole answer: deployments, standard and exemptions of one moment.
    const token = await deps.conformance.token();
    const page = await deps.deployments.queryDeployments(
      { platform: q.platform, team: q.team, entity: q.entity, system: q.system },
      { limit: 500, offset: 0 },
      await deps.visibility.scope(credentials),
      token,
    );
    const servers = page.items.filter(d => d.kind === 'server');
    const standard = await deps.conformance.standard(q.platform, token);
    const results = await deps.conformance.evaluate(q.platform, servers, undefined, token);
    res.json({
      standard: standard ? { version: standard.version, title: standard.title } : null,
      items: await Promise.all(
        servers.map(async d => ({
          deployment: { id: d.id, name: d.name, entityRef: d.entityRef, teamRef: d.teamRef, environment: d.environment, goldenPath: d.goldenPath },
          conformance: results.get(d.id) ?? null,
          upgrade: await deps.upgrades.upgradeFor(d, standard),
        })),
      ),
    });
  });

  router.get('/exemptions', async (req, res) => {
    const q = parseInput(
      z.object({ platform: name.optional(), deployment: z.string().max(64).optional() }).strict(),
      req.query,
      'query',
    );
    const credentials = await authorize(req, platformAdoptionReadPermission);
    const now = Date.now();
    const items = await visibleExemptions(
      credentials,
      await deps.exemptions.list({ platform: q.platform, deploymentId: q.deployment }),
    );
    res.json({
      items: items.map(e => ({ ...e, active: !e.revokedAt && Date.parse(e.expiresAt) > now })),
    });
  });

  router.post('/exemptions', async (req, res) => {
    const body = parseInput(
      z
        .object({
          deploymentId: z.string().regex(/^[a-f0-9]{1,64}$/, 'must be a deployment id'),
          facet: z.string().regex(/^[\w.-]{1,100}$/),
          justification: z.string().min(10, 'say why, in at least 10 characters').max(2000),
          expiresAt: isoDate,
        })
        .strict(),
      req.body,
      'exemption',
    );
    const credentials = await authorize(req, platformAdoptionExemptionManagePermission);
    const expires = Date.parse(body.expiresAt);
    if (expires <= Date.now()) throw new InputError(`expiresAt: ${body.expiresAt} is in the past`);
    if (expires > Date.now() + MAX_EXEMPTION_DAYS * 86400_000) {
      throw new InputError(`expiresAt: exemptions last at most two years`);
    }
    const deployment = await deps.deployments.getDeployment(body.deploymentId);
    // A deployment the CoE lead may not see is answered like one that does not exist.
    if ((await deps.visibility.restrict(credentials, [deployment], d => d.entityRef)).length === 0) {
      throw new NotFoundError(`no deployment with id ${body.deploymentId} in the current scan`);
    }
    const platform = deps.conformance.platform(deployment.platform);
    if (!platform.facets.some(f => f.id === body.facet)) {
      throw new InputError(`facet: ${platform.title} has no facet "${body.facet}"`);
    }
    const actor = actorOf(credentials);
    const exemption = await deps.exemptions.create({
      platform: deployment.platform,
      deploymentId: deployment.id,
      facet: body.facet,
      justification: body.justification,
      author: actor,
      expiresAt: new Date(expires).toISOString(),
    });
    await deps.audit.record(actor, 'exemption.grant', `deployment:${deployment.id}`, {
      facet: body.facet,
      expiresAt: exemption.expiresAt,
    });
    res.status(201).json(exemption);
  });

  router.delete('/exemptions/:id', async (req, res) => {
    const id = parseInput(z.string().uuid('must be an exemption id'), req.params.id, 'exemption id');
    const credentials = await authorize(req, platformAdoptionExemptionManagePermission);
    const actor = actorOf(credentials);
    const exemption = await deps.exemptions.revoke(id, actor);
    await deps.audit.record(actor, 'exemption.revoke', `deployment:${exemption.deploymentId}`, { facet: exemption.facet });
    res.json(exemption);
  });

  router.get('/history', async (req, res) => {
    const q = parseInput(
      z.object({ platform: name, org: entityRef.optional(), from: day.optional(), to: day.optional() }).strict(),
      req.query,
      'query',
    );
    await authorize(req, platformAdoptionReadPermission);
    deps.conformance.platform(q.platform);
    const series = await deps.history.series(q.platform, q.org ?? WHOLE_COMPANY, q.from, q.to);
    const events = (await deps.references.listVersions(q.platform)).flatMap(v => [
      { day: v.publishedAt.slice(0, 10), kind: 'published' as const, version: v.version },
      ...(v.retiredAt ? [{ day: v.retiredAt.slice(0, 10), kind: 'retired' as const, version: v.version }] : []),
    ]);
    res.json({ series, events: events.sort((a, b) => a.day.localeCompare(b.day)) });
  });

  router.get('/campaigns', async (req, res) => {
    const q = parseInput(z.object({ platform: name.optional() }).strict(), req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json({ items: await deps.campaigns.list(q) });
  });

  router.post('/campaigns', async (req, res) => {
    const body = parseInput(
      z
        .object({
          platform: name,
          title: z.string().min(1).max(200),
          targetVersion: z.number().int().positive(),
          scope: z.array(entityRef).min(1).max(200),
          deadline: isoDate,
        })
        .strict(),
      req.body,
      'campaign',
    );
    const credentials = await authorize(req, platformAdoptionCampaignManagePermission);
    deps.conformance.platform(body.platform);
    if (Date.parse(body.deadline) <= Date.now()) throw new InputError(`deadline: ${body.deadline} is in the past`);
    res.status(201).json(
      await deps.campaigns.create({ ...body, deadline: new Date(body.deadline).toISOString(), createdBy: actorOf(credentials) }),
    );
  });

  router.get('/campaigns/:id', async (req, res) => {
    const id = parseInput(z.string().uuid('must be a campaign id'), req.params.id, 'campaign id');
    await authorize(req, platformAdoptionReadPermission);
    res.json(await deps.campaigns.status(id));
  });

  router.post('/campaigns/:id/close', async (req, res) => {
    const id = parseInput(z.string().uuid('must be a campaign id'), req.params.id, 'campaign id');
    const credentials = await authorize(req, platformAdoptionCampaignManagePermission);
    res.json(await deps.campaigns.close(id, actorOf(credentials)));
  });

  router.get('/audit', async (req, res) => {
    const q = parseInput(pageQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json({ items: await deps.audit.list(q.limit, q.offset) });
  });
}
