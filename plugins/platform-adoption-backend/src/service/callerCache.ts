import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { Request } from 'express';

/**
 * How long a permission decision about one caller is reused. Every request
 * asked the permission backend over HTTP (and it the auth backend for the
 * user's claims) once or twice: most of what a request cost. A policy
 * change reaches a caller within this time.
 */
export const CALLER_DECISION_TTL_MS = 5_000;

const MAX_CALLERS = 5_000;

/**
 * The caller a request's credentials belong to, for caching decisions about
 * them: a user and the very token they presented (a new token, e.g. with
 * other ownership claims, is a new caller). Service principals are not
 * cached: their decisions are made in-process already.
 */
const callers = new WeakMap<BackstageCredentials, string>();

export function identifyCaller(req: Request, credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { type?: string; userEntityRef?: string };
  const header = req.headers.authorization;
  if (principal?.type !== 'user' || !principal.userEntityRef || !header) return undefined;
  const key = `${principal.userEntityRef}\n${createHash('sha256').update(header).digest('base64')}`;
  callers.set(credentials, key);
  return key;
}

export function callerOf(credentials: BackstageCredentials): string | undefined {
  return callers.get(credentials);
}

/**
 * Values per caller for {@link CALLER_DECISION_TTL_MS}, shared by
 * concurrent requests; a failed computation is not kept.
 */
export class CallerCache<T> {
  private readonly entries = new Map<string, { expires: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs = CALLER_DECISION_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.now();
    const found = this.entries.get(key);
    if (found && found.expires > now) return found.value;
    const entry = { expires: now + this.ttlMs, value: compute() };
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_CALLERS) {
      // Drop what has expired; if every entry is fresh, the oldest.
      for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k);
      while (this.entries.size > MAX_CALLERS) this.entries.delete(this.entries.keys().next().value!);
    }
    return entry.value;
  }
}
