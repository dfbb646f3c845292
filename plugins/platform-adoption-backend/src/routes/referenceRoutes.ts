import {
  platformAdoptionReadPermission,
  platformAdoptionReferenceManagePermission,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Router } from 'express';
import { z } from 'zod';
import { ConformanceService } from '../reference/ConformanceService';
import { ReferenceService } from '../reference/ReferenceService';
import { Authorize } from '../service/authorize';
import { parseInput } from '../service/validation';
import { actorOf } from './actor';
import { referenceContentSchema } from './referenceSchemas';
import { name, noQuery } from './schemas';

const version = z.coerce.number().int().positive();

/** Reference architectures: read, derive, edit, preview, publish, diff, retire. */
export function referenceRoutes(
  router: Router,
  deps: { authorize: Authorize; references: ReferenceService; conformance: ConformanceService },
) {
  const { authorize, references, conformance } = deps;
  const manage = platformAdoptionReferenceManagePermission;
  const platformOf = (params: Record<string, string>) => parseInput(name, params.platform, 'platform');

  router.get('/references', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json({ items: await references.standards() });
  });

  router.get('/references/:platform', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json(await references.overview(platformOf(req.params)));
  });

  router.get('/references/:platform/versions/:version', async (req, res) => {
    const v = parseInput(version, req.params.version, 'version');
    await authorize(req, platformAdoptionReadPermission);
    res.json(await references.version(platformOf(req.params), v));
  });

  router.get('/references/:platform/diff', async (req, res) => {
    const q = parseInput(z.object({ from: version, to: version }).strict(), req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json(await references.diff(platformOf(req.params), q.from, q.to));
  });

  router.post('/references/:platform/derive', async (req, res) => {
    await authorize(req, manage);
    res.json(await references.derive(platformOf(req.params)));
  });

  router.put('/references/:platform/draft', async (req, res) => {
    const platform = platformOf(req.params);
    const content = parseInput(referenceContentSchema, req.body, 'reference architecture');
    const credentials = await authorize(req, manage);
    res.json(await references.saveDraft(platform, content, actorOf(credentials)));
  });

  router.delete('/references/:platform/draft', async (req, res) => {
    const credentials = await authorize(req, manage);
    await references.discardDraft(platformOf(req.params), actorOf(credentials));
    res.status(204).end();
  });

  router.post('/references/:platform/preview', async (req, res) => {
    const platform = platformOf(req.params);
    const content = parseInput(referenceContentSchema, req.body, 'reference architecture');
    await authorize(req, platformAdoptionReadPermission);
    res.json(await conformance.preview(platform, content));
  });

  router.post('/references/:platform/publish', async (req, res) => {
    const credentials = await authorize(req, manage);
    res.status(201).json(await references.publish(platformOf(req.params), actorOf(credentials)));
  });

  router.post('/references/:platform/retire', async (req, res) => {
    const credentials = await authorize(req, manage);
    res.json(await references.retire(platformOf(req.params), actorOf(credentials)));
  });
}
