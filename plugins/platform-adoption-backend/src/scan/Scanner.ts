import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ScanProblem,
  ScanRun,
  ScanStats,
  ScanTrigger,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  detectRepository,
  InMemoryRepositoryFiles,
  PlatformDetector,
} from '@platform-adoption/plugin-platform-adoption-node';
import { createHash } from 'node:crypto';
import { CATALOG_FIELDS, CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { FleetAnalyzer } from '../analysis/FleetAnalyzer';
import { readRepository } from '../repositories/readRepository';
import { DeploymentStore } from '../store/DeploymentStore';
import { RepositoryReadRecord, RepositoryState, ScanStore } from '../store/ScanStore';
import { mapWithConcurrency } from './concurrency';
import { RepositoryOutcome, resolveDeployments } from './resolveDeployments';

export interface ScanOptions {
  concurrency: number;
  maxFileBytes: number;
  keepGenerations: number;
  catalogPageSize: number;
}

type RepositoryResult = RepositoryOutcome & {
  status: 'read' | 'unchanged' | 'failed';
  problems: ScanProblem[];
};

/**
 * One scan: stream the catalog, read every repository behind it (only what
 * changed since its etag), detect deployments, resolve their owners, and
 * store them as a new generation that becomes current only once complete.
 */
export class Scanner {
  private readonly detectorsFingerprint: string;
  private readonly globs: string[];

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      reader: UrlReaderService;
      scans: ScanStore;
      deployments: DeploymentStore;
      analyzer: FleetAnalyzer;
      detectors: PlatformDetector[];
      logger: LoggerService;
      options: ScanOptions;
      /** Runs once a generation is current, e.g. to record history; its failure does not fail the scan. */
      afterScan?: (generation: number) => Promise<void>;
    },
  ) {
    this.globs = [...new Set(deps.detectors.flatMap(d => d.fileGlobs))].sort();
    // Cached detections are only valid for the detectors that produced them.
    this.detectorsFingerprint = createHash('sha256')
      .update(JSON.stringify(deps.detectors.map(d => [d.platform, d.fileGlobs])))
      .update(String(deps.options.maxFileBytes))
      .digest('hex')
      .slice(0, 16);
  }

  async scan(trigger: ScanTrigger): Promise<ScanRun> {
    const { scans, deployments, logger } = this.deps;
    const started = Date.now();
    const id = await scans.startScan(trigger);
    logger.info(`Platform adoption scan ${id} started (${trigger})`);
    try {
      const snapshot = await this.readCatalog();
      const repositories = this.repositoriesOf(snapshot);
      const states = await scans.loadRepositoryStates();
      const reads: RepositoryReadRecord[] = [];
      const results = await mapWithConcurrency(
        [...repositories.entries()],
        this.deps.options.concurrency,
        ([url, entityRefs]) => this.scanRepository(url, entityRefs, states.get(url), reads),
      );
      // One batched write instead of one upsert per repository read.
      await scans.saveRepositoryReads(reads);

      const resolved = resolveDeployments(snapshot, results, this.deps.detectors);
      const problems = results.flatMap(r => r.problems);
      await deployments.writeOrgUnits(id, snapshot.organization.groups);
      await deployments.writeDeployments(id, resolved);
      const analysis = await this.deps.analyzer.analyze(id, resolved, snapshot.organization.groups);
      await scans.addProblems(id, problems);

      const stats: ScanStats = {
        entities: snapshot.entityCount,
        repositories: results.length,
        repositoriesRead: results.filter(r => r.status === 'read').length,
        repositoriesUnchanged: results.filter(r => r.status === 'unchanged').length,
        repositoriesFailed: results.filter(r => r.status === 'failed').length,
        deployments: resolved.length,
        findings: analysis.findings,
        problems: problems.length,
        durationMs: Date.now() - started,
      };
      await scans.completeScan(id, stats);
      await this.pruneGenerations();
      await this.deps.afterScan?.(id).catch(error =>
        logger.error(`Platform adoption scan ${id} completed, but recording its history failed: ${stringifyError(error)}`),
      );
      logger.info(
        `Platform adoption scan ${id} completed: ${stats.deployments} deployments, ` +
          `${stats.repositoriesRead} repositories read, ${stats.repositoriesUnchanged} unchanged, ` +
          `${stats.repositoriesFailed} failed, ${stats.findings} findings, ${stats.problems} problems in ${stats.durationMs} ms`,
      );
      return (await scans.getScan(id))!;
    } catch (error) {
      const message = stringifyError(error);
      logger.error(`Platform adoption scan ${id} failed; the previous results stay current: ${message}`);
      await deployments.deleteGenerations([id]).catch(() => {});
      await scans.failScan(id, message);
      throw error;
    }
  }

  private async readCatalog(): Promise<CatalogSnapshot> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const snapshot = new CatalogSnapshot();
    for await (const page of this.deps.catalog.streamEntities(
      // No totalItems: counting the catalog on the first page is wasted work for a stream.
      { fields: CATALOG_FIELDS, pageSize: this.deps.options.catalogPageSize, totalItems: 'exclude' },
      { credentials },
    )) {
      for (const entity of page) snapshot.add(entity);
    }
    return snapshot;
  }

  /** Repository URL → the entities whose source it is (a monorepo has several). */
  private repositoriesOf(snapshot: CatalogSnapshot) {
    const repositories = new Map<string, string[]>();
    for (const entity of snapshot.entities.values()) {
      if (!entity.sourceLocation) continue;
      const refs = repositories.get(entity.sourceLocation) ?? [];
      refs.push(entity.ref);
      repositories.set(entity.sourceLocation, refs);
    }
    return repositories;
  }

  private async scanRepository(
    url: string,
    entityRefs: string[],
    state: RepositoryState | undefined,
    reads: RepositoryReadRecord[],
  ): Promise<RepositoryResult> {
    const { reader, scans, options } = this.deps;
    const reusable = state?.detections && state.detectors === this.detectorsFingerprint;
    try {
      const read = await readRepository(reader, url, {
        etag: reusable ? state?.etag : undefined,
        globs: this.globs,
        maxFileBytes: options.maxFileBytes,
      });
      if (read.status === 'unchanged') {
        return { url, entityRefs, status: 'unchanged', ...state!.detections! };
      }
      const files = new InMemoryRepositoryFiles(url, read.files, {
        maxFileBytes: options.maxFileBytes,
      });
      const detections = detectRepository(files, this.deps.detectors);
      detections.problems.push(
        ...read.oversized.map(file => ({
          source: url,
          file,
          message: `${file} is larger than ${options.maxFileBytes} bytes (platformAdoption.scan.maxFileBytes) and was not read`,
        })),
      );
      reads.push({ url, etag: read.etag, detectors: this.detectorsFingerprint, detections });
      return { url, entityRefs, status: 'read', ...detections };
    } catch (error) {
      const message = `could not read repository ${url}: ${stringifyError(error)}`;
      await scans.saveRepositoryError(url, message);
      const problem = { source: url, message };
      if (state?.detections) {
        return {
          url,
          entityRefs,
          status: 'failed',
          deployments: state.detections.deployments,
          problems: [problem],
          staleReason: `${message}; showing the read of ${state.readAt}`,
        };
      }
      return { url, entityRefs, status: 'failed', deployments: [], problems: [problem] };
    }
  }

  /** Bounded retention: the current generation and a few before it. */
  private async pruneGenerations() {
    const { scans, deployments, options } = this.deps;
    const completed = await scans.completedGenerations();
    const keep = new Set(completed.slice(0, options.keepGenerations + 1));
    const stored = await deployments.storedGenerations();
    const running = new Set((await scans.listScans(20)).filter(s => s.status === 'running').map(s => s.id));
    await deployments.deleteGenerations(stored.filter(g => !keep.has(g) && !running.has(g)));
  }
}
