import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Real backend processes for the reliability tests: `node` with Backstage's
 * TypeScript transform on an entry point of this package, a generated
 * app-config and a port of its own. Every process started here is tracked so
 * `stopAllBackendProcesses` (in each file's afterAll) ends it whatever the
 * test did, and an exiting Jest worker kills what is left.
 */

const BACKEND_PACKAGE = path.resolve(__dirname, '../../..');

/** The product's own entry point, as the demo and the e2e tests run it. */
export const PRODUCT_ENTRY = path.join(BACKEND_PACKAGE, 'src/index.ts');

export interface BackendProcess {
  name: string;
  baseUrl: string;
  pid: number;
  logFile: string;
  /** Resolves once the process has exited, however it ended. */
  exited: Promise<void>;
  /** Sends `signal` and waits for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** A graceful stop, escalating to SIGKILL when it hangs. */
  stop(): Promise<void>;
  /** What the process has logged so far. */
  log(): string;
  /** The log's size in bytes, to wait for what comes after it. */
  logSize(): number;
  /**
   * Resolves with the first line logged after byte `from` that matches,
   * checking often: for acting at a precise moment of the process.
   */
  waitForLog(pattern: RegExp, from: number, timeoutMs: number): Promise<string>;
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const running = new Set<ChildProcess>();

// A Jest worker that dies or is torn down must not leave backends behind,
// listening on ports and holding databases that afterAll wants to drop.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port nothing listens on right now, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** Names the log file and the failure messages. */
  name: string;
  /** Where the config and the log are written. */
  workDir: string;
  /** The app-config, merged with backend.baseUrl and backend.listen for the port. */
  config: Record<string, any>;
  entry?: string;
  /** How long start-up may take, in ms. */
  readyTimeoutMs?: number;
}

export async function startBackendProcess(options: StartOptions): Promise<BackendProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = {
    ...options.config,
    backend: { ...options.config.backend, baseUrl, listen: { port, host: '127.0.0.1' } },
  };
  fs.mkdirSync(options.workDir, { recursive: true });
  const configFile = path.join(options.workDir, `app-config.${options.name}.json`);
  fs.writeFileSync(configFile, JSON.stringify(config, null, 1));
  const logFile = path.join(options.workDir, `${options.name}.log`);
  const out = fs.openSync(logFile, 'a');

  const child = spawn(
    process.execPath,
    ['--require', '@backstage/cli/config/nodeTransform.cjs', options.entry ?? PRODUCT_ENTRY, '--config', configFile],
    {
      cwd: BACKEND_PACKAGE,
      // Production mode as deployed (JSON logs, no dev-only shortcuts); the
      // generated config allows the password-less sign-ins explicitly.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', out, out],
    },
  );
  fs.closeSync(out);
  running.add(child);
  const exited = new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  let hasExited = false;
  exited.then(() => {
    hasExited = true;
  });

  const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  const logSize = () => fs.statSync(logFile).size;
  const logFrom = (from: number) => {
    const fd = fs.openSync(logFile, 'r');
    try {
      const buffer = Buffer.alloc(Math.max(0, fs.fstatSync(fd).size - from));
      fs.readSync(fd, buffer, 0, buffer.length, from);
      return buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!hasExited) child.kill(signal);
    await exited;
  };
  const processHandle: BackendProcess = {
    name: options.name,
    baseUrl,
    pid: child.pid!,
    logFile,
    exited,
    log,
    logSize,
    waitForLog: async (pattern, from, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && !hasExited) {
        const line = logFrom(from)
          .split('\n')
          .find(l => pattern.test(l));
        if (line) return line;
        await sleep(10);
      }
      throw new Error(`${options.name} logged no line matching ${pattern} within ${timeoutMs} ms:\n${tail(log(), 20)}`);
    },
    kill,
    stop: async () => {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };

  // Ready means serving: the plugin answers its health probe and the auth
  // backend issues tokens (it needs the catalog for the sign-in).
  const deadline = Date.now() + (options.readyTimeoutMs ?? 150_000);
  while (Date.now() < deadline) {
    if (hasExited) {
      throw new Error(`backend ${options.name} exited during start-up; its log ends:\n${tail(log(), 40)}`);
    }
    const health = await fetch(`${baseUrl}/api/platform-adoption/health`).catch(() => undefined);
    if (health?.ok) return processHandle;
    await sleep(500);
  }
  await kill();
  throw new Error(`backend ${options.name} did not start within the deadline; its log ends:\n${tail(log(), 40)}`);
}

/** Ends every backend this worker started (for afterAll). */
export async function stopAllBackendProcesses() {
  await Promise.all(
    [...running].map(
      child =>
        new Promise<void>(resolve => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  running.clear();
}

/**
 * A fresh folder for one test file's config, logs, repositories and SQLite
 * files: in memory (/dev/shm) where there is one, since SQLite on a busy
 * disk waits on fsync for every catalog write and start-up crawls.
 */
export function workDirectory(name: string): string {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  return fs.mkdtempSync(path.join(base, `pa-reliability-${name}-`));
}

/** The resident set size of a process in bytes, from /proc (Linux). */
export function rssBytes(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The last lines of a log, without the health probes of the start-up wait. */
export function tail(text: string, lines: number) {
  return text
    .split('\n')
    .filter(line => !line.includes('/health') && !line.includes('Service has not started up yet'))
    .slice(-lines)
    .join('\n');
}

/** Polls `probe` until it returns something other than undefined. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; onTimeout?: () => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(options.intervalMs ?? 500);
  }
  const detail = options.onTimeout?.() ?? (lastError ? String(lastError) : '');
  throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}${detail ? `\n${detail}` : ''}`);
}
