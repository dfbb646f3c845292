import { barCounts, platformAdoptionReadPermission } from '@platform-adoption/plugin-platform-adoption-common';
import { Router } from 'express';
import { z } from 'zod';
import { AnalysisService } from '../service/AnalysisService';
import { Authorize } from '../service/authorize';
import { EntityVisibility } from '../service/EntityVisibility';
import { parseInput } from '../service/validation';
import { entityRef, name, noQuery } from './schemas';
import { sendJson } from './sendJson';

const findingsQuery = z
  .object({
    platform: name.optional(),
    kind: z.enum(['snowflake', 'positive-deviant', 'team-convention']).optional(),
    team: entityRef.optional(),
    entity: entityRef.optional(),
  })
  .strict();

const rollupQuery = z.object({ platform: name.optional(), org: entityRef.optional() }).strict();

/** Findings, platform summaries, rollups with stages, and the overview. */
export function analysisRoutes(
  router: Router,
  deps: { authorize: Authorize; analysis: AnalysisService; visibility: EntityVisibility },
) {
  const { authorize, analysis, visibility } = deps;

  router.get('/overview', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    sendJson(res, await analysis.overviewBody());
  });

  router.get('/findings', async (req, res) => {
    const q = parseInput(findingsQuery, req.query, 'query');
    const credentials = await authorize(req, platformAdoptionReadPermission);
    const findings = await analysis.findings(q);
    // A finding shows only the deployments the caller may see, by content
    // and by id, and none is left whose every deployment is hidden.
    const scope = await visibility.scope(credentials);
    if (!scope) {
      res.json({ items: findings });
      return;
    }
    const visible = await scope(findings.flatMap(f => f.deployments.map(d => d?.entityRef ?? '')));
    res.json({
      items: findings
        .map(f => {
          const shown = f.deployments.filter(
            (d): d is NonNullable<typeof d> => Boolean(d?.entityRef && visible.has(d.entityRef)),
          );
          const ids = new Set(shown.map(d => d.id));
          return {
            ...f,
            deploymentId: ids.has(f.deploymentId) ? f.deploymentId : shown[0]?.id ?? f.deploymentId,
            ...(f.deploymentIds ? { deploymentIds: f.deploymentIds.filter(id => ids.has(id)) } : {}),
            deployments: shown,
          };
        })
        .filter(f => f.deployments.length > 0),
    });
  });

  router.get('/platforms/:platform/summary', async (req, res) => {
    const platform = parseInput(name, req.params.platform, 'platform');
    parseInput(noQuery, req.query, 'query');
    const credentials = await authorize(req, platformAdoptionReadPermission);
    const summary = await analysis.summary(platform);
    if (!summary) {
      res.json({ summary: null });
      return;
    }
    // Bars go out as counts: aggregates like rollups, whole for every reader;
    // the Deployments tab lists a bar's deployments by facet filter, narrowed
    // to what the reader may see. Generations stored before summaries held
    // counts only still carry the lists: they never go out.
    const distributions = barCounts(summary.distributions);
    res.json({
      summary: {
        ...summary,
        distributions,
        shadow: await visibility.restrict(credentials, summary.shadow, s => s.entityRef),
        declaredWithoutConfiguration: await visibility.restrict(
          credentials,
          summary.declaredWithoutConfiguration,
          d => d.resourceRef,
        ),
      },
    });
  });

  router.get('/rollups', async (req, res) => {
    const q = parseInput(rollupQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    sendJson(res, await analysis.rollupsBody(q));
  });
}
