/**
 * Bench-only module of the platform-adoption plugin: HTTP endpoints under
 * /api/platform-adoption/bench/* that run, in the backend process and with
 * the plugin's own services (catalog client, service credentials, UrlReader,
 * database), the floors and the scans, and return their timings.
 *
 * The Scanner, stores and analyzer are the product's classes, wired as
 * src/plugin.ts wires them; only their calls are timed.
 */
import {
  coreServices,
  createBackendModule,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogScmEventsServiceRef } from '@backstage/plugin-catalog-node/alpha';
import {
  analyzeFleet,
  attributeValueFrequency,
  facetDistributions,
  OrgIndex,
  rollUp,
  shadowAdoption,
  toAnalysisDeployment,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  builtinDetectors,
  loadHclParser,
} from '@platform-adoption/plugin-platform-adoption-node';
import { FleetAnalyzer } from '@platform-adoption/plugin-platform-adoption-backend/src/analysis/FleetAnalyzer';
import { CATALOG_FIELDS } from '@platform-adoption/plugin-platform-adoption-backend/src/catalog/CatalogSnapshot';
import { ConformanceService } from '@platform-adoption/plugin-platform-adoption-backend/src/reference/ConformanceService';
import { HistoryRecorder } from '@platform-adoption/plugin-platform-adoption-backend/src/reference/HistoryRecorder';
import { readRepository } from '@platform-adoption/plugin-platform-adoption-backend/src/repositories/readRepository';
import { sourceLocationOf } from '@platform-adoption/plugin-platform-adoption-backend/src/repositories/sourceLocation';
import { mapWithConcurrency } from '@platform-adoption/plugin-platform-adoption-backend/src/scan/concurrency';
import { readScanOptions } from '@platform-adoption/plugin-platform-adoption-backend/src/scan/options';
import { withHeartbeat } from '@platform-adoption/plugin-platform-adoption-backend/src/scan/heartbeat';
import { Scanner } from '@platform-adoption/plugin-platform-adoption-backend/src/scan/Scanner';
import { createDetection } from '@platform-adoption/plugin-platform-adoption-backend/src/scan/detection/createDetection';
import { createStores } from '@platform-adoption/plugin-platform-adoption-backend/src/store/createStores';
import express from 'express';
import Router from 'express-promise-router';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { memoryCatalog } from './memoryCatalog';

/** Wall-clock phases of one scan, from timing wrappers around its collaborators. */
class PhaseTimer {
  private spans = new Map<string, { total: number; calls: number; first?: number; last?: number }>();
  reset() {
    this.spans.clear();
  }
  wrap<T extends object>(name: string, target: T, methods: Array<keyof T>): T {
    for (const method of methods) {
      if (typeof (target as any)[method] !== 'function') continue;
      const original = (target as any)[method].bind(target);
      (target as any)[method] = async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await original(...args);
        } finally {
          const end = performance.now();
          const key = `${name}.${String(method)}`;
          const span = this.spans.get(key) ?? { total: 0, calls: 0 };
          span.total += end - start;
          span.calls += 1;
          span.first ??= start;
          span.last = end;
          this.spans.set(key, span);
        }
      };
    }
    return target;
  }
  report(origin: number) {
    return Object.fromEntries(
      [...this.spans].map(([k, s]) => [
        k,
        {
          ms: Math.round(s.total),
          calls: s.calls,
          startMs: Math.round((s.first ?? origin) - origin),
          endMs: Math.round((s.last ?? origin) - origin),
        },
      ]),
    );
  }
}

/** Peak RSS while `fn` runs, sampled every 20 ms. */
async function withPeakRss<T>(fn: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const before = peak;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakRss: peak, rssBefore: before };
  } finally {
    clearInterval(timer);
  }
}

/** A UrlReader for which every repository is unchanged, instantly: scans without repository I/O. */
const unchangedReader: UrlReaderService = {
  async readUrl() {
    throw new NotModifiedError();
  },
  async readTree() {
    throw new NotModifiedError();
  },
  async search() {
    throw new NotModifiedError();
  },
};

export const platformAdoptionBenchModule = createBackendModule({
  pluginId: 'platform-adoption',
  moduleId: 'bench',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        auth: coreServices.auth,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        scmEvents: catalogScmEventsServiceRef,
      },
      async init(deps) {
        const { logger, config, catalog, auth, urlReader } = deps;
        const stores = await createStores(deps.database);
        const db = await deps.database.getClient();
        await loadHclParser();
        const detectors = [...builtinDetectors];
        const platforms = () => detectors.map(d => d.platform);
        const options = readScanOptions(config);
        const globs = [...new Set(detectors.flatMap(d => d.fileGlobs))].sort();
        const phases = new PhaseTimer();
        // As the plugin detects: in worker threads unless configured otherwise.
        const detection = createDetection({ detectors, addedDetectors: [], declaredPlatforms: undefined, workers: options.detectionWorkers, logger });

        const conformance = new ConformanceService({ ...stores, platforms });
        const history = new HistoryRecorder({ ...stores, conformance, platforms });
        const analyzer = new FleetAnalyzer({ store: stores.analysis, references: stores.references, platforms });
        // The same collaborators as the plugin's, behind timing wrappers.
        phases.wrap('scans', stores.scans, ['loadRepositoryStates', 'loadDetections', 'saveRepositoryRead' as any, 'saveRepositoryReads', 'addProblems', 'completeScan', 'completedGenerations']);
        phases.wrap('analysisStore', stores.analysis, ['write', 'reuse']);
        phases.wrap('references', stores.references, ['standards']);
        // The UrlReader behind a timing wrapper (a delegate: the plugin's own instance stays untouched).
        const timedReader: UrlReaderService = phases.wrap(
          'reader',
          {
            readTree: (url, o) => urlReader.readTree(url, o),
            readUrl: (url, o) => urlReader.readUrl(url, o),
            search: (url, o) => urlReader.search(url, o),
          } as UrlReaderService,
          ['readTree'],
        );
        phases.wrap('pushes', stores.pushes, ['pending', 'settle']);
        phases.wrap('deployments', stores.deployments, ['discardAfter', 'storedRows', 'writeOrgUnits', 'retire', 'updateSourceHashes', 'writeDeployments', 'deleteGenerations', 'storedGenerations']);
        phases.wrap('analyzer', analyzer, ['analyze']);
        phases.wrap('history', history, ['record']);
        const makeScanner = (reader: UrlReaderService) =>
          new Scanner({
            catalog,
            auth,
            reader,
            scans: stores.scans,
            pushes: stores.pushes,
            deployments: stores.deployments,
            analyzer,
            detectors,
            detection,
            logger,
            options,
            afterScan: (generation, scan) => history.record(generation, scan),
          });
        // The catalog read, timed on its own: repositories are read ahead while it streams.
        const scanner = phases.wrap('scanner', makeScanner(timedReader), ['readCatalog' as any, 'fetchEntities' as any]);
        const catalogLevelScanner = phases.wrap(
          'scanner',
          makeScanner(phases.wrap('reader', { ...unchangedReader }, ['readTree'])),
          ['readCatalog' as any],
        );

        const router = Router();
        router.use(express.json());

        /** Streams the catalog exactly as a scan does (minus totalItems), keeping only repository URLs. */
        async function catalogFloor() {
          const credentials = await auth.getOwnServiceCredentials();
          const start = performance.now();
          let entities = 0;
          let pages = 0;
          const repositories = new Set<string>();
          for await (const page of catalog.streamEntities(
            { fields: CATALOG_FIELDS, pageSize: options.catalogPageSize, totalItems: 'exclude' },
            { credentials },
          )) {
            pages += 1;
            for (const entity of page) {
              entities += 1;
              const url = sourceLocationOf(entity);
              if (url) repositories.add(url);
            }
          }
          return { ms: performance.now() - start, entities, pages, repositories: [...repositories] };
        }

        /** Reads every repository through the UrlReader with the scan's globs and concurrency, nothing else. */
        async function repositoryFloor(urls: string[]) {
          const start = performance.now();
          let files = 0;
          let bytes = 0;
          await mapWithConcurrency(urls, options.concurrency, async url => {
            const read = await readRepository(urlReader, url, { globs, maxFileBytes: options.maxFileBytes });
            if (read.status === 'read') {
              files += read.files.size;
              for (const b of read.files.values()) bytes += b.length;
            }
          });
          return { ms: performance.now() - start, repositories: urls.length, files, bytes };
        }

        /**
         * Announces changed repositories as a Git host's module would after
         * a webhook: through the catalog's SCM events service, which the
         * plugin listens to.
         */
        router.post('/bench/scm-events', async (req, res) => {
          const urls: string[] = req.body?.urls ?? [];
          await deps.scmEvents.publish(urls.map(url => ({ type: 'repository.updated' as const, url })));
          res.json({ published: urls.length, pending: (await stores.pushes.pending()).length });
        });

        router.post('/bench/floor', async (_req, res) => {
          const c = await catalogFloor();
          const r = await repositoryFloor(c.repositories);
          res.json({
            catalog: { ms: c.ms, entities: c.entities, pages: c.pages },
            repositories: r,
          });
        });

        /**
         * One scan. `mode`: `full` (repository state forgotten first, so
         * every repository is read and detected again), `incremental` (the
         * state kept: unchanged repositories cost one conditional read) or
         * `catalog` (no repository I/O: every repository answers "unchanged"
         * at once, so the scan is the catalog stream, resolution,
         * persistence and analysis) or `push` (a push scan: the repositories
         * /bench/scm-events announced, and the entities behind them).
         */
        router.post('/bench/scan', async (req, res) => {
          const mode = String(req.body?.mode ?? 'full');
          if (mode === 'full') await db('repositories').delete();
          if (global.gc) global.gc();
          phases.reset();
          const origin = performance.now();
          // Beating like a scheduled scan: the plugin's watchdog fails a
          // running scan that stays silent (a 50k scan outlasts its patience).
          const { result, peakRss, rssBefore } = await withPeakRss(() =>
            withHeartbeat(stores.scans, () =>
              mode === 'catalog' ? catalogLevelScanner.scan('manual') : scanner.scan(mode === 'push' ? 'push' : 'manual'),
            ),
          );
          const ms = performance.now() - origin;
          res.json({ mode, ms, stats: result.stats, peakRss, rssBefore, phases: phases.report(origin) });
        });

        /** The pure analysis on the current generation's deployments, against the AVF baseline on the same input. */
        router.post('/bench/analysis', async (req, res) => {
          const repetitions = Number(req.body?.repetitions ?? 5);
          const generation = await stores.scans.currentGeneration();
          if (!generation) throw new Error('no completed scan');
          const deployments = await stores.deployments.readAll(generation);
          const orgUnits = await stores.deployments.readOrgUnits(generation);
          const defs = platforms();
          const sample = (fn: () => unknown) => {
            const start = performance.now();
            fn();
            return performance.now() - start;
          };
          const baseline = () => {
            for (const platform of defs) {
              const input = deployments
                .filter(d => d.platform === platform.id && d.kind === 'server')
                .map(toAnalysisDeployment);
              attributeValueFrequency(input, platform.facets.filter(f => !f.context));
            }
          };
          const core = () => analyzeFleet(defs, deployments);
          const whole = () => {
            const fleet = analyzeFleet(defs, deployments);
            shadowAdoption(deployments);
            for (const p of defs) facetDistributions(p, deployments);
            rollUp(deployments, fleet.findings, new OrgIndex(orgUnits));
          };
          // Warm all once (JIT), then measure them alternately, so that the
          // noise of a shared machine falls on each alike.
          baseline();
          core();
          whole();
          const baselineMs: number[] = [];
          const analysisMs: number[] = [];
          const wholeAnalysisMs: number[] = [];
          for (let i = 0; i < repetitions; i++) {
            baselineMs.push(sample(baseline));
            analysisMs.push(sample(core));
            wholeAnalysisMs.push(sample(whole));
          }
          res.json({
            deployments: deployments.length,
            servers: deployments.filter(d => d.kind === 'server').length,
            baselineMs,
            analysisMs,
            wholeAnalysisMs,
          });
        });

        // CPU profiles of the backend, for finding where time goes (bench/results/tmp/*.cpuprofile).
        let session: Session | undefined;
        const post = (method: string, params?: object) =>
          new Promise<any>((resolve, reject) =>
            session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
          );
        router.post('/bench/profile/start', async (_req, res) => {
          session = new Session();
          session.connect();
          await post('Profiler.enable');
          await post('Profiler.setSamplingInterval', { interval: 200 });
          await post('Profiler.start');
          res.json({ ok: true });
        });
        router.post('/bench/profile/stop', async (req, res) => {
          const { profile } = await post('Profiler.stop');
          session!.disconnect();
          session = undefined;
          const file = path.resolve(__dirname, '..', 'results', 'tmp', `${String(req.query.name ?? 'profile')}.cpuprofile`);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, JSON.stringify(profile));
          res.json({ file });
        });

        // In-memory catalog mode: re-read the catalog files after a change round.
        router.post('/bench/catalog/reload', async (req, res) => {
          const catalogInMemory = memoryCatalog();
          if (!catalogInMemory) throw new Error('not running with the in-memory catalog');
          res.json({ entities: catalogInMemory.reload(req.body?.files) });
        });

        router.get('/bench/rss', (_req, res) => {
          if (global.gc) global.gc();
          res.json({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
        });

        deps.httpRouter.use(router);
        logger.info('platform-adoption bench endpoints mounted under /bench');
      },
    });
  },
});
