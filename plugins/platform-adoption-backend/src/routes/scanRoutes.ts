import { SchedulerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  platformAdoptionReadPermission,
  platformAdoptionScanTriggerPermission,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Router } from 'express';
import { z } from 'zod';
import { SCAN_TASK_ID } from '../scan/schedule';
import { Authorize } from '../service/authorize';
import { parseInput } from '../service/validation';
import { AuditStore } from '../store/AuditStore';
import { ScanStore } from '../store/ScanStore';
import { actorOf } from './actor';
import { noQuery, pageQuery } from './schemas';

/** Scan status, history and problems, and "scan now". */
export function scanRoutes(
  router: Router,
  deps: { authorize: Authorize; scans: ScanStore; scheduler: SchedulerService; audit: AuditStore },
) {
  const { authorize, scans, scheduler, audit } = deps;

  router.get('/scans', async (req, res) => {
    const q = parseInput(pageQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json({ items: await scans.listScans(Math.min(q.limit, 100)) });
  });

  router.get('/scans/current', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    const recent = await scans.listScans(20);
    const generation = await scans.currentGeneration();
    const current = generation
      ? recent.find(s => s.id === generation) ?? (await scans.getScan(generation))
      : undefined;
    res.json({
      current: current ?? null,
      running: recent.find(s => s.status === 'running') ?? null,
      lastFailed: recent.find(s => s.status === 'failed' && (!generation || s.id > generation)) ?? null,
    });
  });

  router.get('/scans/:id/problems', async (req, res) => {
    const id = parseInput(z.coerce.number().int().positive(), req.params.id, 'scan id');
    const q = parseInput(pageQuery, req.query, 'query');
    await authorize(req, platformAdoptionReadPermission);
    res.json({ items: await scans.listProblems(id, q.limit, q.offset) });
  });

  router.post('/scans', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    parseInput(z.object({}).strict(), req.body ?? {}, 'body');
    const credentials = await authorize(req, platformAdoptionScanTriggerPermission);
    // Noted first: the scan task may run on another replica, and at once.
    const request = await scans.requestScan();
    try {
      await scheduler.triggerTask(SCAN_TASK_ID);
      await audit.record(actorOf(credentials), 'scan.trigger', 'scan');
    } catch (error) {
      await scans.withdrawRequest(request);
      if ((error as Error)?.name === 'ConflictError') {
        throw new ConflictError('a scan is already running; wait for it to finish');
      }
      throw error;
    }
    res.status(202).json({ status: 'triggered' });
  });
}
