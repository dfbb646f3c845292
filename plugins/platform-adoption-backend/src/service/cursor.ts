import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';

/**
 * Opaque page cursors. A cursor is bound to the query that produced it, so
 * a client that changes its filters cannot page through a different list by
 * accident.
 */
export function queryFingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('hex').slice(0, 12);
}

export function encodeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint })).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InputError(`cursor "${cursor.slice(0, 40)}" is not a cursor this API returned`);
  }
  const { o, q } = (parsed ?? {}) as { o?: unknown; q?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof q !== 'string') {
    throw new InputError(`cursor "${cursor.slice(0, 40)}" is not a cursor this API returned`);
  }
  if (q !== fingerprint) {
    throw new InputError('cursor belongs to a different query; start again without a cursor');
  }
  return o;
}
