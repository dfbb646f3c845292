import { platformAdoptionReadPermission } from '@platform-adoption/plugin-platform-adoption-common';
import { NotFoundError } from '@backstage/errors';
import { Router } from 'express';
import { z } from 'zod';
import { Authorize } from '../service/authorize';
import { decodeCursor, encodeCursor, queryFingerprint } from '../service/cursor';
import { DeploymentFilter, DeploymentService } from '../service/DeploymentService';
import { EntityVisibility } from '../service/EntityVisibility';
import { parseInput } from '../service/validation';
import { entityRef, name, noQuery } from './schemas';
import { sendJson } from './sendJson';

const deploymentListQuery = z
  .object({
    platform: name.optional(),
    team: entityRef.optional(),
    system: entityRef.optional(),
    environment: name.optional(),
    entity: entityRef.optional(),
    search: z.string().max(200).optional(),
    kind: z.enum(['server', 'client']).optional(),
    declared: z.enum(['true', 'false']).optional(),
    facet: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform(v => [v ?? []].flat())
      .pipe(
        z
          .array(z.string().max(300).regex(/^[\w.-]+:.*$/, 'must look like <facet>:<value>, e.g. backup:none'))
          .max(20),
      ),
    sort: z
      .string()
      .regex(
        /^(name|platform|team|entity|system|environment|facet:[\w.-]+)$/,
        'must be name, platform, team, entity, system, environment or facet:<id>',
      )
      .optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

/** Deployments: filtered, sorted, paged lists; one deployment; one entity's. */
export function deploymentRoutes(
  router: Router,
  deps: { authorize: Authorize; deployments: DeploymentService; visibility: EntityVisibility },
) {
  const { authorize, deployments, visibility } = deps;

  router.get('/platforms', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    sendJson(res, await deployments.listPlatformsBody());
  });

  router.get('/deployments', async (req, res) => {
    const q = parseInput(deploymentListQuery, req.query, 'query');
    const credentials = await authorize(req, platformAdoptionReadPermission);
    const facets: Record<string, string[]> = {};
    for (const entry of q.facet) {
      const at = entry.indexOf(':');
      const facet = entry.slice(0, at);
      facets[facet] = [...(facets[facet] ?? []), entry.slice(at + 1)];
    }
    const order = q.order ?? 'asc';
    let sort: DeploymentFilter['sort'];
    if (q.sort?.startsWith('facet:')) sort = { facet: q.sort.slice('facet:'.length), order };
    else if (q.sort) sort = { column: q.sort as 'name', order };
    const filter = {
      platform: q.platform,
      team: q.team,
      system: q.system,
      environment: q.environment,
      entity: q.entity,
      search: q.search,
      kind: q.kind,
      declared: q.declared === undefined ? undefined : q.declared === 'true',
      facets,
      sort,
    };
    const fingerprint = queryFingerprint(filter);
    const offset = q.cursor ? decodeCursor(q.cursor, fingerprint) : 0;
    const body = await deployments.pageBody(
      filter,
      { limit: q.limit, offset },
      await visibility.scope(credentials),
      'list',
      page => {
        const next = offset + page.items.length;
        return {
          items: page.items,
          totalCount: page.totalCount,
          generation: page.generation ?? null,
          nextCursor: next < page.totalCount ? encodeCursor(next, fingerprint) : null,
        };
      },
    );
    sendJson(res, body);
  });

  router.get('/deployments/:id', async (req, res) => {
    const id = parseInput(z.string().regex(/^[a-f0-9]{1,64}$/, 'must be a deployment id'), req.params.id, 'deployment id');
    parseInput(noQuery, req.query, 'query');
    const credentials = await authorize(req, platformAdoptionReadPermission);
    const deployment = await deployments.getDeployment(id);
    const [visible] = await visibility.restrict(credentials, [deployment], d => d.entityRef);
    if (!visible) throw new NotFoundError(`no deployment with id ${id} in the current scan`);
    res.json(visible);
  });

  router.get('/entities/:kind/:namespace/:name/deployments', async (req, res) => {
    const ref = parseInput(entityRef, `${req.params.kind}:${req.params.namespace}/${req.params.name}`, 'entity');
    parseInput(noQuery, req.query, 'query');
    const credentials = await authorize(req, platformAdoptionReadPermission);
    const body = await deployments.pageBody(
      { entity: ref },
      { limit: 500, offset: 0 },
      await visibility.scope(credentials),
      'entity',
      page => ({ items: page.items, totalCount: page.totalCount }),
    );
    sendJson(res, body);
  });
}
