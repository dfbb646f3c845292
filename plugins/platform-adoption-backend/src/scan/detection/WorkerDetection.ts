import { LoggerService } from '@backstage/backend-plugin-api';
import { DetectionResult } from '@platform-adoption/plugin-platform-adoption-node';
import { Worker } from 'node:worker_threads';
import { DetectionLimits, InThreadDetection, RepositoryDetection } from './RepositoryDetection';
import { DetectionRequest, DetectionWorkerData, WorkerMessage } from './workerProtocol';
// Imported for the build only: it does nothing in this thread, but a bundler
// keeps the worker's module beside this one, where the workers load it from.
import './detectionWorker';

export interface WorkerDetectionOptions {
  /** Worker threads at most; started when a scan first needs them. */
  workers: number;
  /** `platformAdoption.platforms` as configured: the workers build the same declared detectors. */
  declaredPlatforms: unknown;
  /** The scan's detectors, built-in and declared only: what the workers must match, and the fallback. */
  fallback: InThreadDetection;
  /** The platform ids of those detectors, in order. */
  platforms: string[];
  logger: LoggerService;
  /** Workers idle this long are stopped; the next scan starts them again. Default five minutes. */
  idleMs?: number;
}

interface Task {
  request: DetectionRequest;
  resolve: (result: DetectionResult) => void;
  reject: (error: Error) => void;
}

/** A worker and what was posted to it, oldest (the one it is working on) first. */
interface Slot {
  worker: Worker;
  pending: Task[];
  /** Its detectors are built and match the scan's. */
  ready: boolean;
}

// A YAML alias bomb or a huge file must not take the backend down with it:
// a worker past this heap dies alone, failing only the repository it was on.
const WORKER_HEAP_MB = 1024;

function workerScript(): { file: string; execArgv?: string[] } {
  const file = require.resolve('./detectionWorker');
  // From source (development, tests), the worker compiles TypeScript as the backend does.
  return file.endsWith('.ts')
    ? { file, execArgv: ['--require', require.resolve('@backstage/cli/config/nodeTransform.cjs')] }
    : { file };
}

/**
 * Detection in worker threads. The scan's own thread streams the catalog,
 * reads repositories and serves the API; parsing every repository's YAML
 * and HCL there made a full scan about 2.7 × its floors at 50k entities.
 *
 * Tasks go to the worker with the fewest pending. A worker that dies (out
 * of heap, a crash) fails the repository it was working on, and the rest of
 * its queue moves to a fresh worker. If the workers cannot be started, or
 * their detectors differ from the scan's, detection falls back to the
 * scan's thread and says so once.
 */
export class WorkerDetection implements RepositoryDetection {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private broken = false;
  private idleTimer?: NodeJS.Timeout;

  constructor(private readonly options: WorkerDetectionOptions) {}

  detect(repository: string, files: Map<string, Buffer>, limits: DetectionLimits): Promise<DetectionResult> {
    if (this.broken) return this.options.fallback.detect(repository, files, limits);
    clearTimeout(this.idleTimer);
    return new Promise((resolve, reject) => {
      this.dispatch({ request: { id: this.nextId++, repository, files: [...files], limits }, resolve, reject });
    });
  }

  /**
   * Starting a worker (loading the detectors and the HCL parser) takes a
   * good part of a second: a scan starts them first thing, so they are
   * ready by the time the catalog stream names the first repositories.
   */
  prepare() {
    if (this.broken) return;
    clearTimeout(this.idleTimer);
    while (this.slots.length < this.options.workers) {
      if (!this.start()) return;
    }
    this.scheduleIdleStop();
  }

  async close() {
    clearTimeout(this.idleTimer);
    await Promise.all(this.slots.splice(0).map(slot => slot.worker.terminate()));
  }

  private dispatch(task: Task) {
    if (this.broken) {
      this.options.fallback.detect(task.request.repository, new Map(task.request.files as Array<[string, Buffer]>), task.request.limits).then(task.resolve, task.reject);
      return;
    }
    let slot = this.slots.reduce<Slot | undefined>((best, s) => (!best || s.pending.length < best.pending.length ? s : best), undefined);
    if (!slot || (slot.pending.length > 0 && this.slots.length < this.options.workers)) slot = this.start() ?? slot;
    if (!slot) {
      this.dispatch(task);
      return;
    }
    slot.pending.push(task);
    slot.worker.postMessage(task.request);
  }

  private start(): Slot | undefined {
    let script;
    try {
      script = workerScript();
    } catch (error) {
      this.fallBack(`the worker's module is missing from this build (${(error as Error).message})`);
      return undefined;
    }
    const { file, execArgv } = script;
    const data: DetectionWorkerData = { platformAdoptionDetection: true, declaredPlatforms: this.options.declaredPlatforms };
    const worker = new Worker(file, {
      workerData: data,
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // An idle worker must not keep the backend (or a test) from exiting.
    worker.unref();
    const slot: Slot = { worker, pending: [], ready: false };
    this.slots.push(slot);
    worker.on('message', (message: WorkerMessage) => this.receive(slot, message));
    worker.on('error', (error: Error) => this.lost(slot, `its worker thread failed: ${error.message}`));
    worker.on('exit', code => this.lost(slot, `its worker thread exited (code ${code})`));
    return slot;
  }

  private receive(slot: Slot, message: WorkerMessage) {
    switch (message.type) {
      case 'ready':
        if (message.platforms.join() !== this.options.platforms.join()) {
          this.fallBack(`its detectors (${message.platforms.join(', ')}) differ from the scan's (${this.options.platforms.join(', ')})`);
        }
        slot.ready = true;
        return;
      case 'broken':
        this.fallBack(message.message);
        return;
      default: {
        const task = slot.pending.shift();
        if (!task || task.request.id !== message.id) {
          this.options.logger.error(`Platform adoption: detection worker answered out of order (${message.id})`);
          return;
        }
        if (message.type === 'result') task.resolve(message.result);
        else task.reject(new Error(`detection failed on ${task.request.repository}: ${message.message}`));
        if (this.slots.every(s => s.pending.length === 0)) this.scheduleIdleStop();
      }
    }
  }

  /** A worker is gone: fail its current repository, hand the rest of its queue on. */
  private lost(slot: Slot, reason: string) {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    // One that never got going will not do better next time.
    if (!slot.ready) {
      this.fallBack(reason);
      return;
    }
    this.slots.splice(at, 1);
    const [current, ...queued] = slot.pending;
    current?.reject(new Error(`detection stopped on ${current.request.repository}: ${reason}`));
    queued.forEach(task => this.dispatch(task));
  }

  /** Detection continues in the scan's thread from now on. */
  private fallBack(reason: string) {
    if (this.broken) return;
    this.broken = true;
    this.options.logger.warn(`Platform adoption: detection runs in the scan's thread, worker threads unavailable: ${reason}`);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      // Whatever it still sends is no longer wanted: its tasks are redone here.
      slot.worker.removeAllListeners();
      slot.worker.on('error', () => {});
      slot.worker.terminate();
      slot.pending.splice(0).forEach(task => this.dispatch(task));
    }
  }

  private scheduleIdleStop() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.slots.every(s => s.pending.length === 0)) this.close();
      else this.scheduleIdleStop();
    }, this.options.idleMs ?? 5 * 60_000);
    this.idleTimer.unref();
  }
}
