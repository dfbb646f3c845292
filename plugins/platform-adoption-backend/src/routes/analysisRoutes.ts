import { platformAdoptionReadPermission } from '@platform-adoption/plugin-platform-adoption-common';
import { Router } from 'express';
import { z } from 'zod';
import { AnalysisService } from '../service/AnalysisService';
import { Authorize } from '../service/authorize';
import { parseInput } from '../service/validation';
import { entityRef, name, noQuery } from './schemas';

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
export function analysisRoutes(router: Router, deps: { authorize: Authorize; analysis: AnalysisService }) {
  const { authorize, analysis } = deps;

  router.get('/overview', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json(await analysis.overview());
  });

  router.get('/findings', async (req, res) => {
    const q = parseInput(findingsQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json({ items: await analysis.findings(q) });
  });

  router.get('/platforms/:platform/summary', async (req, res) => {
    const platform = parseInput(name, req.params.platform, 'platform');
    parseInput(noQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json({ summary: await analysis.summary(platform) });
  });

  router.get('/rollups', async (req, res) => {
    const q = parseInput(rollupQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json(await analysis.rollups(q));
  });
}
