import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  codePointOrder,
  Deployment,
  DetectedDeployment,
  OrgUnitNode,
  ScanProblem,
  ScanRun,
  ScanStats,
  ScanTrigger,
} from '@platform-adoption/plugin-platform-adoption-common';
import { PlatformDetector } from '@platform-adoption/plugin-platform-adoption-node';
import { createHash, hash } from 'node:crypto';
import { CATALOG_FIELDS, CatalogSnapshot } from '../catalog/CatalogSnapshot';
import { FleetAnalyzer } from '../analysis/FleetAnalyzer';
import { readRepository } from '../repositories/readRepository';
import { StoredFinding } from '../store/AnalysisStore';
import { DeploymentStore, StoredDeploymentRow } from '../store/DeploymentStore';
import { deploymentRowHash, fromDeploymentRow, toDeploymentRow } from '../store/rows';
import { RepositoryState, ScanStore } from '../store/ScanStore';
import { PushStore, RepositoryPush } from '../store/PushStore';
import { RepositoryIndex } from '../repositories/RepositoryIndex';
import { mapWithConcurrency } from './concurrency';
import { InThreadDetection, RepositoryDetection } from './detection/RepositoryDetection';
import { RepositoryReadSaver } from './RepositoryReadSaver';
import { configurationKey, DeploymentResolver, ResolutionContext } from './resolveDeployments';

export interface ScanOptions {
  concurrency: number;
  maxFileBytes: number;
  keepGenerations: number;
  catalogPageSize: number;
}

/** What a completed scan hands to `afterScan`. */
export interface CompletedScan {
  /** The generation's deployments, sorted by id (loaded once, shared with the analysis). */
  deployments: () => Promise<Deployment[]>;
  /** The generation's findings, when this scan computed them (not when it shares the last analysis). */
  findings?: StoredFinding[];
  /** The generation's org units, as the scan read them. */
  orgUnits?: OrgUnitNode[];
}

/** One repository's read, before the catalog says which entities it belongs to. */
interface RepositoryRead {
  url: string;
  status: 'read' | 'unchanged' | 'failed';
  problems: ScanProblem[];
  /** Fresh detections (status `read`); otherwise the stored ones are used, loaded only if needed. */
  deployments?: DetectedDeployment[];
  /** The detections in use: the etag and detectors that produced them; none when there are none. */
  detections?: { etag: string; detectors: string; count?: number };
  /** Set when the read failed and the last good detections are shown. */
  staleReason?: string;
}

type RepositoryResult = RepositoryRead & {
  /** Catalog entities whose source location is this repository. */
  entityRefs: string[];
  /**
   * Set by a push scan for a repository it neither read nor asked the
   * catalog about: its inputs are those of the generation before, so its
   * rows are carried without resolving them again.
   */
  carried?: boolean;
};

/**
 * What the last scan this scanner completed saw, for a push scan to start
 * from: the catalog as it streamed, and each repository's read (without
 * its detections, which the store keeps).
 */
interface ScanBasis {
  generation: number;
  snapshot: CatalogSnapshot;
  /** Repository URL → the entities whose source it is. */
  repositories: Map<string, string[]>;
  reads: Map<string, RepositoryRead>;
  /** Built by the first push scan that needs it, and kept by the next ones while the repositories are the same. */
  index?: RepositoryIndex;
}

const sameKeys = (a: Map<string, unknown>, b: Map<string, unknown>) =>
  a.size === b.size && [...a.keys()].every(key => b.has(key));
const sameRefs = (a: string[] | undefined, b: string[]) => a !== undefined && a.length === b.length && a.every((ref, i) => ref === b[i]);

/** The catalog and the repositories as one scan read them. */
interface ScanInput {
  snapshot: CatalogSnapshot;
  repositories: Map<string, string[]>;
  results: RepositoryResult[];
  /** The stored state of every repository, when the scan loaded it (full scans). */
  states?: Map<string, RepositoryState>;
}

/** A read as the next scan reuses it: unchanged, its detections left to the store. */
function asReused(result: RepositoryResult): RepositoryRead {
  const { url, status, problems, detections, deployments, staleReason } = result;
  return {
    url,
    status: status === 'failed' ? 'failed' : 'unchanged',
    problems,
    detections: detections && { ...detections, count: deployments?.length ?? detections.count },
    staleReason,
  };
}

/** A repository whose deployments have to be resolved again. */
interface PendingRepository {
  result: RepositoryResult;
  context: ResolutionContext;
  sourceHash: string;
  stored: StoredDeploymentRow[];
}

/** What a scan changes in the generation before it. */
class GenerationChanges {
  readonly write: Deployment[] = [];
  readonly sourceHashes = new Map<string, string>();
  readonly retire: StoredDeploymentRow[] = [];
  readonly sourceHashUpdates: Array<{ id: string; generation: number; sourceHash: string }> = [];
  /** `configurationKey`s of declarations some repository configures a server for. */
  readonly configured = new Set<string>();
  deployments = 0;

  /** `before`: the stored rows of the generation before. */
  constructor(private readonly before: StoredDeploymentRow[]) {}

  /**
   * The stored rows of `generation` once these changes are written, so the
   * next scan compares with them without reading them back (18,000 rows at
   * 50,000 entities). A generation holds one row per deployment id.
   */
  rowsAfter(generation: number): StoredDeploymentRow[] {
    const retired = new Set(this.retire.map(row => row.id));
    const rehashed = new Map(this.sourceHashUpdates.map(update => [update.id, update.sourceHash]));
    const rows: StoredDeploymentRow[] = [];
    for (const row of this.before) {
      if (retired.has(row.id)) continue;
      const sourceHash = rehashed.get(row.id);
      rows.push(sourceHash === undefined ? row : { ...row, sourceHash });
    }
    for (const deployment of this.write) {
      const row = toDeploymentRow(generation, deployment);
      rows.push({
        id: row.id,
        generation,
        platform: row.platform,
        kind: row.kind,
        repository: row.repository ?? undefined,
        declaredBy: row.declared_by ?? undefined,
        rowHash: deploymentRowHash(row),
        sourceHash: this.sourceHashes.get(deployment.id),
      });
    }
    return rows;
  }

  /** Keeps stored rows as they are. */
  carry(rows: StoredDeploymentRow[]) {
    for (const row of rows) {
      if (row.kind === 'server' && row.declaredBy) this.configured.add(configurationKey(row.declaredBy, row.platform));
    }
    this.deployments += rows.length;
  }

  /** Replaces a source's stored rows by its resolved deployments, writing only what differs. */
  replace(resolved: Deployment[], stored: StoredDeploymentRow[], sourceHash?: string) {
    const byId = new Map(stored.map(row => [row.id, row]));
    for (const deployment of resolved) {
      if (deployment.declaredBy && deployment.kind === 'server') {
        this.configured.add(configurationKey(deployment.declaredBy, deployment.platform));
      }
      this.deployments += 1;
      const old = byId.get(deployment.id);
      byId.delete(deployment.id);
      if (old && old.rowHash === deploymentRowHash(toDeploymentRow(0, deployment))) {
        if (sourceHash && old.sourceHash !== sourceHash) {
          this.sourceHashUpdates.push({ id: old.id, generation: old.generation, sourceHash });
        }
        continue;
      }
      if (old) this.retire.push(old);
      this.write.push(deployment);
      if (sourceHash) this.sourceHashes.set(deployment.id, sourceHash);
    }
    this.retire.push(...byId.values());
  }

  get changed() {
    return this.write.length > 0 || this.retire.length > 0;
  }
}

/** As the store orders them (ids are hex: code point order is every collation's). */
const byId = (a: Deployment, b: Deployment) => codePointOrder(a.id, b.id);

/**
 * Up to this many repositories, a push scan detects in its own thread:
 * starting worker threads (a good part of a second) costs more than
 * detecting a few repositories.
 */
const FEW_REPOSITORIES = 200;

const hashOf = (value: unknown) => hash('sha1', JSON.stringify(value), 'hex').slice(0, 24);

/**
 * One scan: stream the catalog, read every repository behind it (only what
 * changed since its etag), detect deployments, resolve their owners, and
 * store them as a new generation that becomes current only once complete.
 *
 * Generations are copy-on-write: a repository whose detections and catalog
 * context are what produced its stored deployments keeps them as they are
 * (not even resolved again); only changed deployments are written, and the
 * ones they replace are retired — so a scan costs what changed, and the
 * generations before it stay intact.
 */
export class Scanner {
  private readonly detectorsFingerprint: string;
  private readonly globs: string[];
  private readonly detection: RepositoryDetection;
  /** Every detector of the scan, in its thread: for push scans of a few repositories. */
  private readonly inThread: RepositoryDetection;
  /**
   * The deployments of the last generation this scanner completed, as
   * stored: the next scan applies its changes to them instead of reading
   * every row back for the analysis and the history.
   */
  private current?: { generation: number; deployments: Map<string, Deployment> };
  /** The stored rows of that generation, as the next scan compares with them (see `GenerationChanges.rowsAfter`). */
  private storedRows?: { generation: number; rows: StoredDeploymentRow[] };
  /**
   * What the last scan this scanner completed saw: where a push scan
   * starts from, and the repositories a full scan reads ahead.
   */
  private basis?: ScanBasis;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      reader: UrlReaderService;
      scans: ScanStore;
      pushes: PushStore;
      deployments: DeploymentStore;
      analyzer: FleetAnalyzer;
      detectors: PlatformDetector[];
      /** Where the detectors run; by default in the scan's thread. */
      detection?: RepositoryDetection;
      logger: LoggerService;
      options: ScanOptions;
      /** Runs once a generation is current, e.g. to record history; its failure does not fail the scan. */
      afterScan?: (generation: number, scan: CompletedScan) => Promise<void>;
    },
  ) {
    this.globs = [...new Set(deps.detectors.flatMap(d => d.fileGlobs))].sort();
    this.inThread = new InThreadDetection(deps.detectors);
    this.detection = deps.detection ?? this.inThread;
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
      const previous = await scans.currentGeneration();
      // What a scan that died half-way may have left (never visible to readers).
      await deployments.discardAfter(previous);
      // Pushes noted until now are read by this scan (a full scan reads every repository).
      const pushes = await this.deps.pushes.pending();
      const saver = new RepositoryReadSaver(scans);
      const basis = trigger === 'push' && this.basis?.generation === previous ? this.basis : undefined;
      if (trigger === 'push' && !basis) {
        logger.info(`Platform adoption scan ${id} reads everything: this replica did not complete the current generation, so it has no catalog picture to apply the pushes to`);
      }
      const { snapshot, repositories, results, states } = basis
        ? await this.readPushed(basis, pushes, saver)
        : await this.readEverything(saver);
      await saver.finish();

      const changes = await this.changesSince(previous, snapshot, results);
      const orgUnits = snapshot.organization.groups;
      const orgHash = hashOf(orgUnits.map(u => [u.ref, u.parentRef, u.title, u.type]).sort());
      const before = previous === undefined ? undefined : await deployments.generationInfo(previous);
      const contentGeneration = !changes.changed && before ? before.contentGeneration : id;
      await this.giveWayToNewerScan(id, trigger);
      await deployments.registerGeneration({ generation: id, contentGeneration, orgHash });
      await deployments.writeOrgUnits(
        id,
        orgUnits,
        before?.orgHash === orgHash ? { generation: before.generation, same: true } : undefined,
      );
      await deployments.retire(id, changes.retire);
      await deployments.updateSourceHashes(changes.sourceHashUpdates);
      await deployments.writeDeployments(id, changes.write, changes.sourceHashes);
      const generationDeployments = this.deploymentsOf(id, previous, changes);
      const analysis = await this.deps.analyzer.analyze(id, {
        deployments: generationDeployments.list,
        orgUnits,
        contentKey: String(contentGeneration),
        orgHash,
        previous,
      });
      const problems = [...snapshot.problems, ...results.flatMap(r => r.problems)];
      await scans.addProblems(id, problems);

      const stats: ScanStats = {
        entities: snapshot.entityCount,
        repositories: results.length,
        repositoriesRead: results.filter(r => r.status === 'read').length,
        repositoriesUnchanged: results.filter(r => r.status === 'unchanged').length,
        repositoriesFailed: results.filter(r => r.status === 'failed').length,
        deployments: changes.deployments,
        findings: analysis.findings,
        problems: problems.length,
        durationMs: Date.now() - started,
      };
      await this.giveWayToNewerScan(id, trigger);
      await scans.completeScan(id, stats);
      this.current = generationDeployments.loaded();
      this.storedRows = { generation: id, rows: changes.rowsAfter(id) };
      this.basis = {
        generation: id,
        snapshot,
        repositories,
        reads: new Map(results.map(r => [r.url, asReused(r)])),
        // Building the index sorts every repository URL: kept while the set of repositories stays the same.
        index: this.basis?.index && sameKeys(this.basis.repositories, repositories) ? this.basis.index : undefined,
      };
      // The generation is current: what follows is housekeeping, and none
      // of it may fail the completed scan. (Run side by side, it took as
      // long on the bench: it waits on the same database.)
      await this.deps.pushes.settle(pushes).catch(error =>
        logger.warn(`Platform adoption scan ${id} completed, but clearing the pushes it read failed (the next push scan reads them again): ${stringifyError(error)}`),
      );
      await this.pruneGenerations().catch(error =>
        logger.warn(`Platform adoption scan ${id} completed, but removing old generations failed (the next scan tries again): ${stringifyError(error)}`),
      );
      // Only now, with a generation that no longer uses them: the stored
      // reads of repositories that left the catalog. One that comes back is read anew.
      const gone = [...(states?.keys() ?? [])].filter(url => !repositories.has(url));
      await scans.forgetRepositories(gone).catch(error =>
        logger.warn(`Platform adoption scan ${id} completed, but forgetting ${gone.length} repositories that left the catalog failed: ${stringifyError(error)}`),
      );
      await this.deps.afterScan?.(id, { deployments: generationDeployments.list, findings: analysis.computed, orgUnits }).catch(error =>
        logger.error(`Platform adoption scan ${id} completed, but recording its history failed: ${stringifyError(error)}`),
      );
      logger.info(
        `Platform adoption scan ${id} completed: ${stats.deployments} deployments ` +
          `(${changes.write.length} written, ${changes.retire.length} retired), ` +
          `${stats.repositoriesRead} repositories read, ${stats.repositoriesUnchanged} unchanged, ` +
          `${stats.repositoriesFailed} failed, ${stats.findings} findings, ${stats.problems} problems in ${stats.durationMs} ms`,
      );
      return (await scans.getScan(id))!;
    } catch (error) {
      const message = stringifyError(error);
      logger.error(`Platform adoption scan ${id} failed; the previous results stay current: ${message}`);
      if (this.current?.generation === id) this.current = undefined;
      if (this.basis?.generation === id) this.basis = undefined;
      await deployments.discardGeneration(id).catch(() => {});
      await scans.failScan(id, message);
      throw error;
    }
  }

  /**
   * A full scan's reading: the whole catalog streamed, and every repository
   * behind it read (conditionally: an unchanged one costs a round trip).
   */
  private async readEverything(saver: RepositoryReadSaver): Promise<ScanInput> {
    const states = await this.deps.scans.loadRepositoryStates();
    // Repositories are read while the catalog streams: those of the last
    // scan from the start, every other one as soon as the stream names it.
    // The reads (network round trips to a Git host, detection in worker
    // threads) overlap the stream instead of following it.
    this.detection.prepare();
    const ahead = this.readAhead([...(this.basis?.repositories.keys() ?? [])], states, saver);
    let snapshot: CatalogSnapshot;
    try {
      snapshot = await this.readCatalog(ahead.offer);
    } finally {
      ahead.stop();
    }
    const repositories = this.repositoriesOf(snapshot);
    const results: RepositoryResult[] = await mapWithConcurrency(
      [...repositories.entries()],
      this.deps.options.concurrency,
      async ([url, entityRefs]) => ({
        ...(await (ahead.get(url) ?? this.readOne(url, states.get(url), saver))),
        entityRefs,
      }),
    );
    // Reads ahead of repositories no longer in the catalog are not waited
    // for by the loop above: nothing of this scan runs after it.
    await ahead.settled();
    return { snapshot, repositories, results, states };
  }

  /**
   * A push scan's reading: only the repositories the pushes name, and the
   * entities whose source they are (asked of the catalog by reference),
   * applied to what the last scan saw. Everything else is as that scan
   * left it; the next full scan reconciles the rest of the catalog (the
   * org tree, entities registered or removed elsewhere).
   */
  private async readPushed(basis: ScanBasis, pushes: RepositoryPush[], saver: RepositoryReadSaver): Promise<ScanInput> {
    const before = basis.repositories;
    basis.index ??= new RepositoryIndex(before.keys());
    const touched = basis.index.touchedBy(pushes.map(p => p.url));
    const refs = [...touched].flatMap(url => before.get(url) ?? []);
    const snapshot = basis.snapshot.withEntities(refs, await this.fetchEntities(refs));
    const repositories = this.repositoriesOf(snapshot);
    // Pushed ones, and any an entity read again now names for the first time.
    const toRead = [...repositories.keys()].filter(url => touched.has(url) || !basis.reads.has(url));
    const detection = toRead.length > FEW_REPOSITORIES ? this.detection : this.inThread;
    detection.prepare();
    const states = await this.deps.scans.loadRepositoryStates(toRead);
    const reads = new Map(
      await mapWithConcurrency(toRead, this.deps.options.concurrency, async url => [url, await this.readOne(url, states.get(url), saver, detection)] as const),
    );
    const results = [...repositories].map(([url, entityRefs]): RepositoryResult => {
      const read = reads.get(url);
      if (read) return { ...read, entityRefs };
      return { ...basis.reads.get(url)!, entityRefs, carried: sameRefs(before.get(url), entityRefs) };
    });
    return { snapshot, repositories, results };
  }

  /** These entities as the catalog has them now (undefined for one it has no more). */
  private async fetchEntities(refs: string[]) {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities = [];
    for (let i = 0; i < refs.length; i += 500) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + 500), fields: CATALOG_FIELDS },
        { credentials },
      );
      entities.push(...items);
    }
    return entities;
  }

  /**
   * Reads the `initial` repositories, and each one `offer`ed while the
   * catalog streams (at most `concurrency` at a time), until stopped; `get`
   * gives the read of a repository if it has started. A read that has not
   * started when stopped is left to the caller, so repositories no longer
   * in the catalog cost at most the reads already under way.
   */
  private readAhead(initial: string[], states: Map<string, RepositoryState>, saver: RepositoryReadSaver) {
    const urls = [...initial];
    const offered = new Set(initial);
    const started = new Map<string, Promise<RepositoryRead>>();
    const limit = this.deps.options.concurrency;
    const state = { next: 0, running: 0, stopped: false, failed: undefined as unknown };
    const idle: Array<() => void> = [];
    // eslint-disable-next-line prefer-const -- start and pump call each other.
    let pump: () => void;
    const start = (url: string) => {
      const read = this.readOne(url, states.get(url), saver);
      started.set(url, read);
      state.running += 1;
      read
        .catch(error => {
          state.failed ??= error;
        })
        .finally(() => {
          state.running -= 1;
          pump();
          if (state.running === 0) idle.splice(0).forEach(resolve => resolve());
        });
    };
    pump = () => {
      while (!state.stopped && state.running < limit && state.next < urls.length) start(urls[state.next++]);
    };
    pump();
    return {
      /** A repository the stream names; read when a slot is free. */
      offer: (url: string) => {
        if (state.stopped || offered.has(url)) return;
        offered.add(url);
        urls.push(url);
        pump();
      },
      get: (url: string) => started.get(url),
      /** No more reads start; the scan reads what is left itself. */
      stop: () => {
        state.stopped = true;
      },
      /** Every read started has ended. */
      settled: async () => {
        if (state.running > 0) await new Promise<void>(resolve => idle.push(resolve));
        if (state.failed) throw state.failed;
      },
    };
  }

  /**
   * Generations build on the one before, so two scans must not write at
   * once. The scheduler runs one at a time, but lets another start when one
   * outlives its time-out: the older one then stops, before writing and
   * before completing, and leaves the results to the newer one.
   */
  private async giveWayToNewerScan(id: number, trigger: ScanTrigger) {
    const { scans } = this.deps;
    if (trigger !== 'push') {
      if (await scans.startedAfter(id, { exceptPush: true })) {
        throw new Error('a newer scan started while this one ran; this one stops and leaves the results to it');
      }
      return;
    }
    // A push scan yields to any other: a full one reads its pushes too.
    if ((await scans.startedAfter(id)) || (await scans.otherRunning(id))) {
      throw new Error('another scan ran beside this push scan; this one stops and leaves its pushes to the next scan');
    }
  }

  /**
   * The deployments of generation `id`, loaded once when first asked for:
   * the previous generation's in memory with this scan's changes applied
   * when this scanner completed it, else read from the store.
   */
  private deploymentsOf(id: number, previous: number | undefined, changes: GenerationChanges) {
    const base = this.current?.generation === previous ? this.current : undefined;
    let loaded: Map<string, Deployment> | undefined;
    let list: Promise<Deployment[]> | undefined;
    const load = async () => {
      if (base) {
        loaded = new Map(base.deployments);
        for (const row of changes.retire) loaded.delete(row.id);
        // As the store gives them back.
        for (const d of changes.write) loaded.set(d.id, fromDeploymentRow(toDeploymentRow(id, d)));
      } else {
        loaded = new Map((await this.deps.deployments.readAll(id)).map(d => [d.id, d]));
      }
      return [...loaded.values()].sort(byId);
    };
    return {
      /** Every deployment of the generation, sorted by id (as `readAll`). */
      list: () => (list ??= load()),
      /** What the next scan can start from, if known without reading. */
      loaded: () => {
        if (loaded) return { generation: id, deployments: loaded };
        if (base && !changes.changed) return { generation: id, deployments: base.deployments };
        return undefined;
      },
    };
  }

  /**
   * What changes against the generation before: repositories whose
   * detections and context are those their stored rows were resolved from
   * are carried as they are; the others are resolved (their stored
   * detections loaded only now) and compared row by row.
   */
  private async changesSince(previous: number | undefined, snapshot: CatalogSnapshot, results: RepositoryResult[]) {
    const { deployments, scans, detectors } = this.deps;
    const resolver = new DeploymentResolver(snapshot, detectors);
    const known = this.storedRows;
    let stored: StoredDeploymentRow[] = [];
    if (previous !== undefined) stored = known?.generation === previous ? known.rows : await deployments.storedRows(previous);
    const storedBySource = new Map<string, StoredDeploymentRow[]>();
    const storedDeclared: StoredDeploymentRow[] = [];
    for (const row of stored) {
      if (!row.repository) {
        storedDeclared.push(row);
        continue;
      }
      const rows = storedBySource.get(row.repository);
      if (rows) rows.push(row);
      else storedBySource.set(row.repository, [row]);
    }

    const changes = new GenerationChanges(stored);
    const pending: PendingRepository[] = [];
    for (const result of results) {
      const rows = storedBySource.get(result.url) ?? [];
      storedBySource.delete(result.url);
      if (result.carried) {
        changes.carry(rows);
        continue;
      }
      // Nothing stored and nothing detected (most repositories): nothing to resolve.
      const detected = result.deployments ? result.deployments.length : result.detections?.count;
      if (!rows.length && detected === 0) continue;
      const context = result.detections ? resolver.contextOf(result.entityRefs) : undefined;
      if (!context || !result.detections) {
        changes.retire.push(...rows);
        continue;
      }
      const sourceHash = hashOf([result.detections.etag, result.detections.detectors, result.staleReason ?? null, context]);
      if (rows.length && rows.every(row => row.sourceHash === sourceHash)) {
        changes.carry(rows);
        continue;
      }
      pending.push({ result, context, sourceHash, stored: rows });
    }
    // Repositories no longer behind any entity.
    for (const rows of storedBySource.values()) changes.retire.push(...rows);

    const stale = await scans.loadDetections(pending.filter(p => !p.result.deployments).map(p => p.result.url));
    for (const { result, context, sourceHash, stored: rows } of pending) {
      const detected = result.deployments ?? stale.get(result.url)?.deployments ?? [];
      changes.replace(resolver.resolveRepository(result.url, detected, context, result.staleReason), rows, sourceHash);
    }
    changes.replace(resolver.declaredOnly(changes.configured), storedDeclared);
    return changes;
  }

  private async readCatalog(onRepository?: (url: string) => void): Promise<CatalogSnapshot> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const snapshot = new CatalogSnapshot({ onRepository });
    const pages = this.deps.catalog
      .streamEntities(
        // No totalItems: counting the catalog on the first page is wasted work for a stream.
        { fields: CATALOG_FIELDS, pageSize: this.deps.options.catalogPageSize, totalItems: 'exclude' },
        { credentials },
      )
      [Symbol.asyncIterator]();
    // The next page is asked for before this one is read, so the catalog
    // works on it (and it travels) while the scan reads this one.
    let next = pages.next();
    for (;;) {
      const page = await next;
      if (page.done) break;
      next = pages.next();
      for (const entity of page.value) snapshot.add(entity);
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

  /** One repository's conditional read and, when it changed, detection. */
  private async readOne(
    url: string,
    state: RepositoryState | undefined,
    saver: RepositoryReadSaver,
    detection = this.detection,
  ): Promise<RepositoryRead> {
    const { reader, scans, options } = this.deps;
    const stored =
      state?.hasDetections && state.etag !== undefined && state.detectors !== undefined
        ? { etag: state.etag, detectors: state.detectors, count: state.deploymentCount }
        : undefined;
    const reusable = stored?.detectors === this.detectorsFingerprint;
    try {
      const read = await readRepository(reader, url, {
        etag: reusable ? stored?.etag : undefined,
        globs: this.globs,
        maxFileBytes: options.maxFileBytes,
      });
      if (read.status === 'unchanged') {
        return { url, status: 'unchanged', problems: stored ? state!.problems : [], detections: stored };
      }
      const detections = await detection.detect(url, read.files, { maxFileBytes: options.maxFileBytes });
      detections.problems.push(
        ...read.oversized.map(file => ({
          source: url,
          file,
          message: `${file} is larger than ${options.maxFileBytes} bytes (platformAdoption.scan.maxFileBytes) and was not read`,
        })),
      );
      saver.add({ url, etag: read.etag, detectors: this.detectorsFingerprint, detections });
      return {
        url,
        status: 'read',
        problems: detections.problems,
        deployments: detections.deployments,
        detections: { etag: read.etag, detectors: this.detectorsFingerprint },
      };
    } catch (error) {
      const message = `could not read repository ${url}: ${stringifyError(error)}`;
      await scans.saveRepositoryError(url, message);
      const problem = { source: url, message };
      if (stored) {
        return {
          url,
          status: 'failed',
          problems: [problem],
          detections: stored,
          staleReason: `${message}; showing the read of ${state!.readAt}`,
        };
      }
      return { url, status: 'failed', problems: [problem] };
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
