/**
 * A detection worker thread: the built-in detectors and the platforms
 * declared in app-config, over repositories the scan posts to it. Parsing
 * YAML and HCL is most of a full scan's CPU; here it runs beside the scan's
 * own thread, which keeps streaming the catalog and reading repositories.
 */
import {
  builtinDetectors,
  DECLARED_PLATFORMS_KEY,
  detectRepository,
  InMemoryRepositoryFiles,
  loadHclParser,
  readDeclaredPlatforms,
} from '@platform-adoption/plugin-platform-adoption-node';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { DetectionRequest, DetectionWorkerData, WorkerMessage } from './workerProtocol';

async function serve(data: DetectionWorkerData) {
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  await loadHclParser();
  const detectors = [
    ...builtinDetectors,
    ...readDeclaredPlatforms({ getOptional: key => (key === DECLARED_PLATFORMS_KEY ? data.declaredPlatforms : undefined) as any }),
  ];
  port.on('message', ({ id, repository, files, limits }: DetectionRequest) => {
    try {
      // Buffers arrive as plain Uint8Arrays; wrap them without copying.
      const contents = new Map(files.map(([path, bytes]) => [path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
      const result = detectRepository(new InMemoryRepositoryFiles(repository, contents, limits), detectors);
      post({ type: 'result', id, result });
    } catch (error) {
      post({ type: 'failed', id, message: String((error as Error)?.message ?? error) });
    }
  });
  post({ type: 'ready', platforms: detectors.map(d => d.platform.id) });
}

if (!isMainThread && (workerData as DetectionWorkerData | undefined)?.platformAdoptionDetection) {
  serve(workerData).catch(error => {
    parentPort!.postMessage({ type: 'broken', message: String(error?.message ?? error) } satisfies WorkerMessage);
  });
}
