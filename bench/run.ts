/**
 * `npm run bench [-- --size 10k|50k|100k] [--db sqlite|postgres]`
 *
 * Generates (once) a synthetic enterprise, starts the bench backend
 * (bench/backend: real catalog, auth, permission policy, Platform Adoption)
 * on port 7207 with a kept database, waits for the catalog to ingest it,
 * then measures the floors, full, catalog-level and incremental scans, the
 * analysis against its baseline, the API under load, memory and the Tech
 * Insights peer. Prints a table and writes bench/results/<size>[-postgres].json.
 *
 * Options: --reps N (scans, default 5), --api-duration S (default 20),
 * --api-reps N (default 2), --incremental-reps N (default 4: polled
 * rescans and push scans in turn),
 * --no-peer, --regenerate, --max-ingest-minutes M (default 45), --ingest-only.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchPlatforms, dataDir, generate } from './generator/generate';
import { buildEnterprise } from './generator/model';
import { applyChangeRound, GeneratedState, readState, REPOSITORY_BASE_URL } from './generator/write';
import { installPeer, PEER_NODE_MODULES } from './peer/install';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon');

const REPO = path.resolve(__dirname, '..');
const PORT = 7207;
const BASE = `http://127.0.0.1:${PORT}`;
const PG = 'postgresql://postgres@127.0.0.1:55433';

function arg(name: string, fallback?: string) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  return value === undefined || value.startsWith('--') ? 'true' : value;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const size = arg('size', '10k')!;
const dbKind = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const reps = Number(arg('reps', '5'));
const apiDuration = Number(arg('api-duration', '20'));
const apiReps = Number(arg('api-reps', '2'));
const incrementalReps = Number(arg('incremental-reps', '4'));
const maxIngestMinutes = Number(arg('max-ingest-minutes', '45'));
const withPeer = !flag('no-peer');
/** `real` (default): the catalog plugin on the database; `memory`: the in-memory catalog service (labelled). */
let catalogMode = (arg('catalog', 'real') as 'real' | 'memory');
const STATIC_TOKEN = 'bench-static-token-0123456789abcdef';

const dir = dataDir(size);
const tmpDir = path.join(REPO, 'bench', 'results', 'tmp');
const resultFile = () =>
  path.join(REPO, 'bench', 'results', `${size}${dbKind === 'postgres' ? '-postgres' : ''}${catalogMode === 'memory' ? '-memory-catalog' : ''}.json`);
const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpu: model,
    node: process.version,
  };
}

// ---------------------------------------------------------------- data + database

function ingestMarker() {
  return path.join(dir, `ingested-${dbKind}.json`);
}
const pgPrefix = `bench_${size}_`;

function psql(sql: string, db = 'postgres') {
  return execFileSync('psql', [`${PG}/${db}`, '-At', '-c', sql], { encoding: 'utf8' }).trim();
}

/**
 * SQLite runs on tmpfs: on this machine's disk every catalog transaction
 * waits on fsync and ingestion crawls at ~3 entities/s. The files are saved
 * under bench/.data/<size>/sqlite when the backend stops and restored from
 * there, so the ingested database is kept between runs.
 */
const sqliteSaved = path.join(dir, 'sqlite');
const sqliteWork = path.join('/dev/shm', 'platform-adoption-bench', size, 'sqlite');

function restoreSqlite() {
  if (fs.existsSync(sqliteWork) || !fs.existsSync(sqliteSaved)) return;
  fs.mkdirSync(sqliteWork, { recursive: true });
  fs.cpSync(sqliteSaved, sqliteWork, { recursive: true });
  log(`restored the kept SQLite database into ${sqliteWork}`);
}

function saveSqlite() {
  if (!fs.existsSync(sqliteWork)) return;
  fs.rmSync(sqliteSaved, { recursive: true, force: true });
  fs.cpSync(sqliteWork, sqliteSaved, { recursive: true });
  log(`saved the SQLite database to ${path.relative(REPO, sqliteSaved)}`);
}

/** Drops the kept database of this size and kind. */
function dropDatabase() {
  if (dbKind === 'sqlite') {
    fs.rmSync(sqliteSaved, { recursive: true, force: true });
    fs.rmSync(sqliteWork, { recursive: true, force: true });
    fs.rmSync(ingestMarker(), { force: true });
    return;
  }
  fs.rmSync(ingestMarker(), { force: true });
  try {
    const names = psql(`select datname from pg_database where datname like '${pgPrefix}%'`).split('\n').filter(Boolean);
    for (const name of names) psql(`drop database if exists "${name}" with (force)`);
  } catch (error) {
    throw new Error(`cannot reach PostgreSQL at ${PG}: ${(error as Error).message}`);
  }
}

function ensureData(): GeneratedState {
  let state = readState(dir);
  const platforms = benchPlatforms();
  if (!state || flag('regenerate') || state.platforms.join() !== platforms.join()) {
    log(`generating the ${size} enterprise (${platforms.join(', ')})…`);
    const generated = generate(size);
    state = generated.state;
    log(`generated ${state.entities} entities, ${state.repositories} repositories, ${state.deployments} planned deployments in ${generated.ms} ms`);
  }
  // The kept database is reused (an interrupted ingestion resumes) unless it
  // holds other data than the files.
  const idFile = path.join(REPO, 'bench', '.data', `db-${size}-${dbKind}.id`);
  const dbId = fs.existsSync(idFile) ? fs.readFileSync(idFile, 'utf8') : undefined;
  if (dbId !== state.generatedAt) {
    if (dbId !== undefined) log('the kept database holds other data than the generated files: dropping it');
    dropDatabase();
    fs.writeFileSync(idFile, state.generatedAt);
  }
  return state;
}

function writeConfig(state: GeneratedState) {
  const database =
    dbKind === 'sqlite'
      ? { client: 'better-sqlite3', connection: { directory: sqliteWork } }
      : { client: 'pg', connection: PG, prefix: pgPrefix, pluginDivisionMode: 'database' };
  if (dbKind === 'sqlite') {
    restoreSqlite();
    fs.mkdirSync(sqliteWork, { recursive: true });
  }
  const config = {
    app: { baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${PORT}`,
      listen: { port: PORT, host: '127.0.0.1' },
      database,
      // Used only when the guest sign-in is unavailable (in-memory catalog).
      auth: { externalAccess: [{ type: 'static', options: { token: STATIC_TOKEN, subject: 'bench' } }] },
    },
    auth: {
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true, userEntityRef: 'user:default/user-000001' } },
    },
    permission: { enabled: true },
    catalog: {
      rules: [{ allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Domain', 'Group', 'User'] }],
      // A large catalog is usually tuned this way; it keeps the catalog's own
      // background reprocessing from adding noise to the measurements.
      processingInterval: { minutes: 30 },
      locations: state.catalogFiles.map(target => ({ type: 'file', target })),
    },
    platformAdoption: {
      // Scans run only when the benchmark asks for them.
      schedule: { frequency: { hours: 24 }, timeout: { hours: 1 }, initialDelay: { hours: 24 } },
      scan: { pushInterval: { hours: 24 } },
      localRepositories: [{ baseUrl: REPOSITORY_BASE_URL, root: path.join(dir, 'repositories') }],
    },
    techInsights: {
      factRetrievers: {
        entityOwnershipFactRetriever: {
          cadence: '0 3 1 1 *',
          initialDelay: { hours: 24 },
          timeout: { hours: 1 },
          lifecycle: { maxItems: 1 },
        },
      },
    },
  };
  const file = path.join(dir, `app-config.${dbKind}.json`);
  fs.writeFileSync(file, JSON.stringify(config, null, 1));
  return file;
}

// ---------------------------------------------------------------- backend process

let backend: ChildProcess | undefined;

function startBackend(configFile: string, peer: boolean) {
  fs.mkdirSync(tmpDir, { recursive: true });
  const logFile = path.join(tmpDir, `backend-${size}-${dbKind}.log`);
  const out = fs.openSync(logFile, 'a');
  backend = spawn(
    process.execPath,
    ['--expose-gc', '--require', '@backstage/cli/config/nodeTransform.cjs', 'bench/backend/index.ts', '--config', configFile],
    {
      cwd: REPO,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_PATH: PEER_NODE_MODULES,
        BENCH_PEER: peer ? '1' : '0',
        BENCH_CATALOG: catalogMode,
        BENCH_DATA_DIR: dir,
        LOG_LEVEL: 'warn',
        // BENCH_NODE_OPTIONS adds flags to the backend, e.g. --cpu-prof to see where a scan spends.
        NODE_OPTIONS: `--max-old-space-size=8192 ${process.env.BENCH_NODE_OPTIONS ?? ''}`.trim(),
      },
      stdio: ['ignore', out, out],
    },
  );
  log(`backend pid ${backend.pid}, log ${path.relative(REPO, logFile)}`);
  return logFile;
}

async function stopBackend() {
  const child = backend;
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(200);
  if (child.exitCode === null) child.kill('SIGKILL');
  backend = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await stopBackend();
    process.exit(1);
  });
}

async function waitForBackend() {
  // The in-memory catalog parses every catalog file before the backend listens.
  const deadline = Date.now() + 900_000;
  while (Date.now() < deadline) {
    if (backend?.exitCode !== null && backend?.exitCode !== undefined) throw new Error('the backend exited; see its log');
    try {
      const res = await fetch(`${BASE}/api/platform-adoption/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error('the backend did not start within 15 minutes');
}

/** CPU seconds the backend used, from /proc. */
function cpuSeconds(pid: number) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime + stime, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
function rssBytes(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

/** Waits until the backend has used under 10% of a core for 5 s (the catalog has settled). */
async function waitIdle(maxMs = 600_000) {
  const pid = backend!.pid!;
  const deadline = Date.now() + maxMs;
  let last = cpuSeconds(pid);
  let quiet = 0;
  while (Date.now() < deadline) {
    await sleep(1000);
    const now = cpuSeconds(pid);
    quiet = now - last < 0.1 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 5) return;
  }
  log('warning: the backend did not settle (still busy) — measuring anyway');
}

// ---------------------------------------------------------------- HTTP helpers

let token = '';
let tokenKind = 'guest user';
async function getToken() {
  for (const method of ['GET', 'POST']) {
    const res = await fetch(`${BASE}/api/auth/guest/refresh`, {
      method,
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    }).catch(() => undefined);
    if (res?.ok) {
      const body: any = await res.json();
      token = body.backstageIdentity.token;
      tokenKind = 'guest user';
      return;
    }
  }
  if (catalogMode === 'memory') {
    token = STATIC_TOKEN;
    tokenKind = 'static external-access token (service principal)';
    return;
  }
  throw new Error('could not get a guest token');
}

async function api<T = any>(pathname: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  // A kept-alive connection the server has just closed fails at once
  // ("other side closed"); reads and catalog refreshes are safe to repeat.
  const retryable = (init.method ?? 'GET') === 'GET' || pathname.startsWith('/api/catalog/');
  for (let attempt = 1; ; attempt++) {
    try {
      return await request<T>(pathname, init);
    } catch (error) {
      const socket = (error as any)?.cause?.code === 'UND_ERR_SOCKET' || (error as any)?.cause?.code === 'ECONNRESET';
      if (!retryable || !socket || attempt >= 3) throw error;
      await sleep(500);
    }
  }
}

async function request<T>(pathname: string, init: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(`${BASE}${pathname}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${pathname}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const ALL_KINDS = 'kind=component,kind=group,kind=user,kind=system,kind=domain,kind=resource,kind=api';

async function catalogCount(filter?: string) {
  const q = new URLSearchParams({ limit: '1' });
  if (filter) q.set('filter', filter);
  const body = await api<{ totalItems: number }>(`/api/catalog/entities/by-query?${q}`);
  return body.totalItems;
}

// ---------------------------------------------------------------- measurements

async function ingest(state: GeneratedState) {
  const marker = ingestMarker();
  if (fs.existsSync(marker)) {
    const saved = JSON.parse(fs.readFileSync(marker, 'utf8'));
    const count = await catalogCount(ALL_KINDS);
    if (count >= state.entities) {
      log(`catalog already ingested (${count} entities, kept database); ingest rate from the first run: ${saved.rate.toFixed(0)} entities/s`);
      return { ...saved, reused: true };
    }
    log(`kept database has ${count} of ${state.entities} entities: waiting for the rest`);
  }
  const start = Date.now();
  const deadline = start + maxIngestMinutes * 60_000;
  // A resumed ingestion counts only what this run ingested.
  const initial = await catalogCount(ALL_KINDS).catch(() => 0);
  let count = 0;
  let lastLog = 0;
  let lastProgress = { count: -1, at: Date.now() };
  let stalled: string | undefined;
  while (Date.now() < deadline) {
    count = await catalogCount(ALL_KINDS).catch(() => 0);
    if (count >= state.entities) break;
    if (count !== lastProgress.count) lastProgress = { count, at: Date.now() };
    // Seen once on PostgreSQL at 50k: one entity stitched without its search
    // rows, so it never counts. Almost all in and no progress for 90 s: go on.
    if (count >= state.entities * 0.999 && Date.now() - lastProgress.at > 90_000) {
      stalled = `${state.entities - count} of ${state.entities} entities never became queryable (catalog stitching); measured without them`;
      log(`warning: ${stalled}`);
      break;
    }
    if (Date.now() - lastLog > 30_000) {
      lastLog = Date.now();
      const s = (Date.now() - start) / 1000;
      log(`ingesting: ${count}/${state.entities} entities after ${s.toFixed(0)} s (${((count - initial) / Math.max(s, 1)).toFixed(0)}/s)`);
    }
    await sleep(2000);
  }
  const seconds = (Date.now() - start) / 1000;
  const rate = (count - initial) / seconds;
  if (count < state.entities && !stalled) {
    return { complete: false, entities: count, seconds, rate };
  }
  const result = {
    complete: true,
    entities: count,
    seconds,
    rate,
    ...(initial ? { resumedFrom: initial } : {}),
    ...(stalled ? { stalled } : {}),
    at: new Date().toISOString(),
  };
  fs.writeFileSync(marker, JSON.stringify(result));
  log(`ingested ${count} entities in ${seconds.toFixed(0)} s: ${result.rate.toFixed(0)} entities/s`);
  return result;
}

async function loadTest(url: string) {
  const times: number[] = [];
  const result: any = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${BASE}${url}`,
        connections: 50,
        duration: apiDuration,
        // As the portal's browser asks: every endpoint, ours and the catalog's, may answer gzip'd.
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
      },
      (error: unknown, r: unknown) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
  };
}

async function changeRound(state: GeneratedState) {
  const enterprise = buildEnterprise(size, state.platforms as any);
  const change = applyChangeRound(dir, enterprise, state);
  const t0 = Date.now();
  if (catalogMode === 'memory') {
    await api('/api/platform-adoption/bench/catalog/reload', { method: 'POST', body: { files: change.catalogFiles } });
    log(`round ${change.round}: ${change.entities.length} entities and ${change.repositories.length} repositories changed (in-memory catalog reloaded)`);
    return { ...change, catalogVisible: change.entities.length };
  }
  // Have the catalog re-read the rewritten files now instead of at its next processing.
  for (const file of change.catalogFiles) {
    const { items } = await api<{ items: any[] }>(
      `/api/catalog/entities/by-query?${new URLSearchParams({ filter: `kind=location,spec.target=${file}`, limit: '5' })}`,
    );
    for (const location of items) {
      await api(`/api/catalog/refresh`, {
        method: 'POST',
        body: { entityRef: `location:${location.metadata.namespace ?? 'default'}/${location.metadata.name}` },
      }).catch(() => undefined);
    }
  }
  const deadline = Date.now() + 600_000;
  let seen = 0;
  while (Date.now() < deadline) {
    seen = await catalogCount(`metadata.tags=${change.tag}`);
    if (seen >= change.entities.length) break;
    await sleep(1000);
  }
  log(
    `round ${change.round}: ${change.entities.length} entities (${seen} visible in the catalog after ${((Date.now() - t0) / 1000).toFixed(0)} s) ` +
      `and ${change.repositories.length} repositories changed`,
  );
  return { ...change, catalogVisible: seen };
}

// ---------------------------------------------------------------- main

async function main() {
  const m = machine();
  log(`machine: ${m.nproc} cores, ${m.memoryGiB} GiB, ${m.cpu}, node ${m.node}`);
  const state = ensureData();
  let peer = { installed: false, message: 'skipped (--no-peer)' };
  if (withPeer) {
    const installed = installPeer();
    peer = { installed: installed.ok, message: installed.message };
    log(`peer: ${installed.message}`);
  }
  const configFile = writeConfig(state);
  let ingestion: any = { complete: true, rate: NaN, seconds: NaN, entities: state.entities, skipped: 'in-memory catalog: no ingestion' };
  let catalogNote = '';
  startBackend(configFile, peer.installed && catalogMode === 'real');
  try {
    await waitForBackend();
    await getToken();
    if (catalogMode === 'real') {
      ingestion = await ingest(state);
      if (!ingestion.complete) {
        catalogNote =
          `the real catalog did not ingest ${size} within ${maxIngestMinutes} minutes on this machine ` +
          `(${ingestion.entities} of ${state.entities} entities, ${ingestion.rate.toFixed(0)} entities/s); ` +
          'this size is measured with an in-memory catalog service instead';
        log(catalogNote);
        await stopBackend();
        catalogMode = 'memory';
        startBackend(configFile, false);
        await waitForBackend();
        await getToken();
      }
    } else {
      catalogNote = 'measured with an in-memory catalog service (--catalog memory), not the real catalog';
    }
    if (catalogMode === 'memory') log(`catalog: in-memory service; API token: ${tokenKind}`);
    if (flag('ingest-only')) {
      log('--ingest-only: stopping after ingestion');
      return;
    }
    log('waiting for the backend to settle…');
    await waitIdle();
    const pid = backend!.pid!;
    const idle = await api<{ rss: number }>('/api/platform-adoption/bench/rss');
    const idleRss = { afterGc: idle.rss, proc: rssBytes(pid) };
    log(`idle RSS ${(idleRss.proc / 2 ** 20).toFixed(0)} MiB (${(idle.rss / 2 ** 20).toFixed(0)} MiB after GC)`);

    // Floors and scans, interleaved so that background noise hits all alike.
    const floors: any[] = [];
    const fulls: any[] = [];
    const catalogScans: any[] = [];
    // One untimed full scan warms the JIT, the page cache and the stores.
    log('warm-up full scan…');
    const warm = await api('/api/platform-adoption/bench/scan', { method: 'POST', body: { mode: 'full' } });
    log(`warm-up: ${warm.ms.toFixed(0)} ms, ${warm.stats.deployments} deployments, ${warm.stats.repositories} repositories`);
    for (let i = 0; i < reps; i++) {
      await waitIdle(60_000);
      const floor = await api('/api/platform-adoption/bench/floor', { method: 'POST' });
      floors.push(floor);
      const full = await api('/api/platform-adoption/bench/scan', { method: 'POST', body: { mode: 'full' } });
      fulls.push(full);
      const cat = await api('/api/platform-adoption/bench/scan', { method: 'POST', body: { mode: 'catalog' } });
      catalogScans.push(cat);
      log(
        `rep ${i + 1}/${reps}: floor catalog ${floor.catalog.ms.toFixed(0)} ms + repositories ${floor.repositories.ms.toFixed(0)} ms; ` +
          `full scan ${full.ms.toFixed(0)} ms (peak RSS ${(full.peakRss / 2 ** 20).toFixed(0)} MiB); catalog-level scan ${cat.ms.toFixed(0)} ms`,
      );
    }

    log('analysis vs baseline…');
    const analysis = await api('/api/platform-adoption/bench/analysis', { method: 'POST', body: { repetitions: 15 } });

    let peerRuns: any[] = [];
    if (catalogMode === 'memory') {
      peer = { installed: false, message: 'not measured: Tech Insights reads the catalog over HTTP, and the in-memory catalog has no HTTP API' };
    }
    if (peer.installed) {
      log('Tech Insights entityOwnershipFactRetriever…');
      for (let i = 0; i < reps; i++) {
        await waitIdle(60_000);
        peerRuns.push(await api('/api/tech-insights/bench/ownership', { method: 'POST' }));
      }
    }

    log(`API under load: 50 connections, ${apiDuration} s × ${apiReps} per endpoint…`);
    await getToken();
    const enterprise = buildEnterprise(size, state.platforms as any);
    const byNameTarget = enterprise.components[Math.floor(enterprise.components.length / 2)].name;
    const endpoints: Record<string, string> = {
      'ours /overview': '/api/platform-adoption/overview',
      'ours /rollups?platform=mongodb': '/api/platform-adoption/rollups?platform=mongodb',
      'ours /deployments (page of 50)': '/api/platform-adoption/deployments?limit=50',
      ...(catalogMode === 'real'
        ? {
            'catalog by-name': `/api/catalog/entities/by-name/component/default/${byNameTarget}`,
            'catalog by-query?limit=50': '/api/catalog/entities/by-query?limit=50',
          }
        : {}),
    };
    const load: Record<string, any[]> = {};
    for (let r = 0; r < apiReps; r++) {
      for (const [label, url] of Object.entries(endpoints)) {
        await waitIdle(60_000);
        const result = await loadTest(url).catch(error => {
          log(`${label}: load test failed: ${error}`);
          return undefined;
        });
        if (!result) continue;
        (load[label] ??= []).push(result);
        log(`${label}: p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, ${result.rps.toFixed(0)} req/s, ${result.errors} errors`);
      }
    }

    log(`incremental scans: ${incrementalReps} rounds of 1% changes…`);
    const incrementals: any[] = [];
    const polled: any[] = [];
    for (let i = 0; i < incrementalReps; i++) {
      // A failed round is reported, not allowed to lose the whole run.
      const change = await changeRound(state).catch(error => {
        log(`incremental round failed: ${error}`);
        return undefined;
      });
      if (!change) break;
      // Odd rounds: nothing is announced, and a full scan finds the change
      // by polling. Even rounds: the changes are announced as a Git host's
      // webhooks would be, and a push scan reads them; an entity changes by
      // a push to its catalog file, in its component's repository. A push
      // scan starts from the picture of the last scan of the same scanner:
      // the polled rescan before it (the catalog-level scans before the
      // first round run on another scanner, as on another replica).
      const pushed = i % 2 === 1;
      if (pushed) {
        const names = [...new Set([...change.entities, ...change.repositories])];
        await api('/api/platform-adoption/bench/scm-events', {
          method: 'POST',
          body: { urls: names.map(name => `${REPOSITORY_BASE_URL}${name}/`) },
        });
      }
      await waitIdle(120_000);
      const inc = await api('/api/platform-adoption/bench/scan', { method: 'POST', body: { mode: pushed ? 'push' : 'incremental' } });
      (pushed ? incrementals : polled).push({ ...inc, change: { round: change.round, entities: change.entities.length, repositories: change.repositories.length, catalogVisible: change.catalogVisible } });
      log(`${pushed ? 'push scan' : 'polled rescan'} ${i + 1}: ${inc.ms.toFixed(0)} ms (${inc.stats.repositoriesRead} repositories read, ${inc.stats.repositoriesUnchanged} unchanged)`);
    }

    const result = summarise({ m, state, ingestion, idleRss, floors, fulls, catalogScans, incrementals, polled, analysis, peer, peerRuns, load, catalogNote });
    fs.mkdirSync(path.dirname(resultFile()), { recursive: true });
    fs.writeFileSync(resultFile(), `${JSON.stringify(result, null, 1)}\n`);
    console.log(`\n${result.table}\n`);
    log(`wrote ${path.relative(REPO, resultFile())}`);
  } finally {
    await stopBackend();
    if (dbKind === 'sqlite') saveSqlite();
  }
}

function summarise(x: any) {
  const mb = (b: number) => b / 2 ** 20;
  const catalogFloor = median(x.floors.map((f: any) => f.catalog.ms));
  const repoFloor = median(x.floors.map((f: any) => f.repositories.ms));
  const full = median(x.fulls.map((f: any) => f.ms));
  const catalogLevel = median(x.catalogScans.map((f: any) => f.ms));
  const incremental = median(x.incrementals.map((f: any) => f.ms));
  const polledIncremental = median(x.polled.map((f: any) => f.ms));
  const analysisMs = median(x.analysis.analysisMs);
  const wholeAnalysisMs = median(x.analysis.wholeAnalysisMs);
  const baselineMs = median(x.analysis.baselineMs);
  const peakRss = Math.max(...x.fulls.map((f: any) => f.peakRss));
  const idle = x.idleRss.afterGc;
  const entities = x.fulls[0].stats.entities;
  const api = Object.fromEntries(
    Object.entries(x.load as Record<string, any[]>).map(([label, runs]) => [
      label,
      {
        p50: median(runs.map(r => r.p50)),
        p95: median(runs.map(r => r.p95)),
        p99: median(runs.map(r => r.p99)),
        rps: median(runs.map(r => r.rps)),
        errors: runs.reduce((s, r) => s + r.errors, 0),
        runs,
      },
    ]),
  );
  const byName = api['catalog by-name'] ?? { p95: NaN };
  const ours = Object.entries(api).filter(([k]) => k.startsWith('ours'));
  const worstOurs = ours.reduce((w, [, v]: any) => Math.max(w, v.p95), 0);
  const oursErrors = ours.reduce((s, [, v]: any) => s + v.errors, 0);
  const peerMs = x.peerRuns.length ? median(x.peerRuns.map((r: any) => r.ms)) : NaN;
  const peerFacts = x.peerRuns.length ? x.peerRuns[0].facts : 0;
  const oursPerEntityUs = (catalogLevel * 1000) / entities;
  const peerPerEntityUs = peerFacts ? (peerMs * 1000) / peerFacts : NaN;

  const phases = (scan: any) => {
    const p = scan.phases;
    const span = (k: string) => p[k] ?? { ms: 0, calls: 0, startMs: NaN, endMs: NaN };
    const load = span('scans.loadRepositoryStates');
    const reads = span('reader.readTree');
    const org = span('deployments.writeOrgUnits');
    const analyze = span('analyzer.analyze');
    // Repositories are read ahead while the catalog streams: `catalogMs`
    // ends with the catalog read (and holds the reads done meanwhile),
    // `repositoriesMs` is the reading left after it (0 when none was).
    // A push scan does not stream the catalog: it asks for the pushed repositories' entities.
    const catalog = Number.isFinite(span('scanner.readCatalog').endMs) ? span('scanner.readCatalog') : span('scanner.fetchEntities');
    const catalogEnd = Number.isFinite(catalog.endMs) ? catalog.endMs : load.startMs;
    return {
      catalogMs: catalogEnd,
      loadStatesMs: load.ms,
      repositoriesMs: Math.max(0, reads.endMs - Math.max(catalogEnd, load.endMs)),
      saveStatesMs: span('scans.saveRepositoryRead').ms + span('scans.saveRepositoryReads').ms,
      resolveMs: org.startMs - Math.max(reads.endMs, span('scans.saveRepositoryReads').endMs || 0),
      writeOrgUnitsMs: org.ms,
      // Copy-on-write generations: retiring replaced rows is part of writing them.
      writeDeploymentsMs: span('deployments.writeDeployments').ms + span('deployments.retire').ms + span('deployments.updateSourceHashes').ms,
      // An unchanged fleet's analysis is shared, not computed: sharing it counts as writing it.
      analysisComputeMs: analyze.ms - span('analysisStore.write').ms - span('analysisStore.reuse').ms - span('references.standards').ms,
      analysisWriteMs: span('analysisStore.write').ms + span('analysisStore.reuse').ms,
      historyMs: span('history.record').ms,
      pruneMs: span('deployments.deleteGenerations').ms + span('deployments.storedGenerations').ms,
    };
  };
  const medianPhases = (scans: any[]) => {
    if (!scans.length) return {};
    const all = scans.map(phases);
    return Object.fromEntries(Object.keys(all[0]).map(k => [k, Math.round(median(all.map((a: any) => a[k])))]));
  };

  const targets = [
    { target: 'catalog-level full scan ≤ 1.5 × catalog floor', value: catalogLevel / catalogFloor, limit: 1.5 },
    { target: 'full scan ≤ 1.5 × (catalog floor + repository floor)', value: full / (catalogFloor + repoFloor), limit: 1.5 },
    { target: 'incremental (1% changed) ≤ 0.1 × full', value: incremental / full, limit: 0.1 },
    { target: 'analysis ≤ 5 × frequency baseline', value: analysisMs / baselineMs, limit: 5 },
    { target: 'API p95 (worst of ours) ≤ 0.5 × catalog by-name p95, 0 errors', value: worstOurs / byName.p95, limit: 0.5, extra: oursErrors === 0 },
    { target: 'peak RSS during full scan ≤ idle + 1.5 GB', value: mb(peakRss - idle) / 1024, limit: 1.5 * 1e9 / 2 ** 30, unit: 'GiB' },
    { target: 'per entity: our catalog-level scan < Tech Insights retriever', value: oursPerEntityUs / peerPerEntityUs, limit: 1, strict: true },
  ].map(t => ({ ...t, pass: Number.isFinite(t.value) && (t.strict ? t.value < t.limit : t.value <= t.limit) && t.extra !== false }));

  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
  const rows: string[][] = [
    ['measure', 'median', 'note'],
    x.ingestion.skipped
      ? ['ingest rate (real catalog)', 'n/a', x.catalogNote]
      : ['ingest rate (real catalog)', `${f(x.ingestion.rate)} entities/s`, x.ingestion.reused ? `first run: ${f(x.ingestion.seconds)} s; database kept` : `${f(x.ingestion.seconds)} s`],
    ['catalog floor (stream, fields, pageSize 1000, no totalItems)', `${f(catalogFloor)} ms`, `${entities} entities, ${f((catalogFloor * 1000) / entities, 1)} µs/entity`],
    ['repository floor (readTree, same globs, concurrency)', `${f(repoFloor)} ms`, `${x.floors[0].repositories.repositories} repositories, ${x.floors[0].repositories.files} files`],
    ['full scan (catalog + repositories + detection + analysis + store)', `${f(full)} ms`, `${f(full / (catalogFloor + repoFloor), 2)} × floors; ${x.fulls[0].stats.deployments} deployments`],
    ['catalog-level scan (no repository I/O)', `${f(catalogLevel)} ms`, `${f(catalogLevel / catalogFloor, 2)} × catalog floor`],
    ['incremental: push scan (1% entities + 1% repositories changed, pushes announced)', `${f(incremental)} ms`, `${f(incremental / full, 2)} × full`],
    ['incremental: polled rescan (the same change, nothing announced)', `${f(polledIncremental)} ms`, `${f(polledIncremental / full, 2)} × full`],
    ['analysis only (analyzeFleet, all deployments)', `${f(analysisMs, 1)} ms`, `${f(analysisMs / baselineMs, 1)} × baseline; with distributions/shadow/rollups ${f(wholeAnalysisMs, 1)} ms`],
    ['attribute-value-frequency baseline (same input)', `${f(baselineMs, 1)} ms`, `${x.analysis.servers} server deployments`],
    ...Object.entries(api).map(([label, v]: any) => [
      `API ${label}`,
      `p50 ${f(v.p50)} / p95 ${f(v.p95)} / p99 ${f(v.p99)} ms`,
      `${f(v.rps)} req/s, ${v.errors} errors${label.startsWith('ours') ? `, p95 ${f(v.p95 / byName.p95, 2)} × by-name` : ''}`,
    ]),
    ['idle RSS (after GC)', `${f(mb(idle))} MiB`, `${f(mb(x.idleRss.proc))} MiB before GC`],
    ['peak RSS during full scan', `${f(mb(peakRss))} MiB`, `+${f(mb(peakRss - idle))} MiB over idle`],
    x.peerRuns.length
      ? ['Tech Insights entityOwnershipFactRetriever (peer)', `${f(peerMs)} ms`, `${peerFacts} entities, ${f(peerPerEntityUs, 1)} µs/entity vs ours ${f(oursPerEntityUs, 1)} µs/entity (catalog-level scan / ${entities})`]
      : ['Tech Insights peer', 'not measured', x.peer.message],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const table = [
    `Platform Adoption benchmark — ${x.state.size} (${x.state.entities} entities), ${dbKind}, ` +
      `${catalogMode === 'memory' ? 'IN-MEMORY CATALOG SERVICE, ' : ''}API as ${tokenKind} accepting gzip, ` +
      `${x.m.nproc} cores, ${x.m.memoryGiB} GiB, ${x.m.cpu}; medians of ${x.fulls.length} scans, ${x.incrementals.length} push scans and ${x.polled.length} polled rescans, ${apiReps} × ${apiDuration} s per endpoint`,
    '',
    line(rows[0]),
    `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
    '',
    ...(x.catalogNote ? [`Note: ${x.catalogNote}.`, ''] : []),
    '| target | value | pass |',
    '|---|---|---|',
    ...targets.map(t => `| ${t.target} | ${f(t.value, 3)}${t.unit ? ` ${t.unit}` : ''} (limit ${f(t.limit, 2)}) | ${t.pass ? 'PASS' : 'FAIL'} |`),
    '',
    `full-scan phases (median ms): ${JSON.stringify(medianPhases(x.fulls))}`,
    `catalog-level phases (median ms): ${JSON.stringify(medianPhases(x.catalogScans))}`,
    `push scan phases (median ms): ${JSON.stringify(medianPhases(x.incrementals))}`,
    `polled rescan phases (median ms): ${JSON.stringify(medianPhases(x.polled))}`,
  ].join('\n');

  return {
    size: x.state.size,
    db: dbKind,
    catalog: catalogMode,
    catalogNote: x.catalogNote,
    apiToken: tokenKind,
    machine: x.m,
    at: new Date().toISOString(),
    entities,
    ingestion: x.ingestion,
    medians: { catalogFloor, repoFloor, full, catalogLevel, incremental, polledIncremental, analysisMs, wholeAnalysisMs, baselineMs, peakRss, idleRss: idle, peerMs, peerFacts, oursPerEntityUs, peerPerEntityUs },
    phases: { full: medianPhases(x.fulls), catalogLevel: medianPhases(x.catalogScans), incremental: medianPhases(x.incrementals), polled: medianPhases(x.polled) },
    api,
    targets,
    raw: { floors: x.floors, fulls: x.fulls, catalogScans: x.catalogScans, incrementals: x.incrementals, polled: x.polled, analysis: x.analysis, peer: x.peer, peerRuns: x.peerRuns, idleRss: x.idleRss },
    table,
  };
}

main().catch(async error => {
  console.error(error);
  await stopBackend();
  process.exit(1);
});
