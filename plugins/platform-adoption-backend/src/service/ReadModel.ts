import { createHash } from 'node:crypto';
import { OrgUnit } from '../catalog/OrganizationTree';
import { DeploymentStore } from '../store/DeploymentStore';
import { ScanStore } from '../store/ScanStore';

/**
 * What every cached answer is checked against, read once per request: the
 * current generation and a counter of governance changes (references
 * published or retired, exemptions granted or revoked).
 */
export interface ReadToken {
  generation: number | undefined;
  /** Changes with the generation only: for what a scan alone decides. */
  generationKey: string;
  /** Changes with the generation or any governance change. */
  key: string;
}

/** A cached value, and until when it holds (e.g. the next exemption to expire). */
export interface Cached<T> {
  value: T;
  /** Epoch milliseconds, by the clock given to {@link ReadModel.get}; none: until the token changes. */
  validUntil?: number;
}

interface Entry {
  version: string;
  value: Promise<unknown>;
  validUntil: number;
  now: () => number;
  /** Size of a serialized body, once computed. */
  bytes: number;
}

const MAX_ENTRIES = 300;
/** Serialized bodies kept at most (pages of 500 deployments are ~1 MB each). */
const MAX_BYTES = 64 * 2 ** 20;

const bytesOf = (value: unknown) => {
  const body = (value as Partial<JsonBody> | undefined)?.body;
  return Buffer.isBuffer(body) ? body.length : 0;
};

const generationKeyOf = (generation: number | undefined) => `g${generation ?? 0}`;

/**
 * The API's per-generation read model: answers every request would
 * otherwise recompute (the overview, rollups with conformance, pages of
 * deployments) are computed once and kept in memory.
 *
 * Several replicas may share the database, so nothing here assumes it saw
 * every write: each request reads a {@link ReadToken} (one cheap query) and
 * an entry is served only while the token it was computed under is still
 * current and its `validUntil` has not passed. Publishing a reference or
 * granting an exemption — here or on another replica — therefore shows on
 * the very next request, and a new scan's generation replaces the old
 * answers as soon as it completes.
 *
 * One instance per database (per {@link ScanStore}), shared by the services.
 */
export class ReadModel {
  private static readonly instances = new WeakMap<ScanStore, ReadModel>();

  static of(scans: ScanStore): ReadModel {
    let model = ReadModel.instances.get(scans);
    if (!model) {
      model = new ReadModel(scans);
      ReadModel.instances.set(scans, model);
    }
    return model;
  }

  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly scans: Pick<ScanStore, 'readToken'>) {}

  private next?: Promise<ReadToken>;

  /**
   * The token as of now. Requests that arrive together share one read: it
   * starts once the event loop has taken in every request ready at the
   * moment (on the next turn), so it began after each of them arrived and
   * shows every write completed before they came.
   */
  token(): Promise<ReadToken> {
    this.next ??= new Promise<void>(resolve => setImmediate(resolve)).then(() => {
      this.next = undefined;
      return this.readToken();
    });
    return this.next;
  }

  private async readToken(): Promise<ReadToken> {
    const { generation, governance } = await this.scans.readToken();
    const generationKey = generationKeyOf(generation);
    return { generation, generationKey, key: `${generationKey}|${governance}` };
  }

  /** A generation's org tree, read once. */
  orgUnits(generation: number, deployments: Pick<DeploymentStore, 'readOrgUnits'>): Promise<OrgUnit[]> {
    return this.get(generationKeyOf(generation), 'orgUnits', async () => ({
      value: await deployments.readOrgUnits(generation),
    }));
  }

  /**
   * The value cached under `key` for `version` (a token's `key` or
   * `generationKey`), computing it when there is none or it no longer
   * holds. Concurrent requests share one computation; a failed one is not
   * kept.
   */
  get<T>(version: string, key: string, compute: () => Promise<Cached<T>>, now: () => number = Date.now): Promise<T> {
    const found = this.entries.get(key);
    if (found && found.version === version && found.now() < found.validUntil) {
      // Most recently used last: the oldest entries are the ones evicted.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as Promise<T>;
    }
    const entry: Entry = { version, validUntil: Infinity, now, bytes: 0, value: Promise.resolve() };
    entry.value = compute().then(
      cached => {
        entry.validUntil = cached.validUntil ?? Infinity;
        if (this.entries.get(key) === entry) {
          entry.bytes = bytesOf(cached.value);
          this.bytes += entry.bytes;
          this.evict();
        }
        return cached.value;
      },
      error => {
        if (this.entries.get(key) === entry) this.drop(key);
        throw error;
      },
    );
    this.drop(key);
    this.entries.set(key, entry);
    this.evict();
    return entry.value as Promise<T>;
  }

  private drop(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }

  /** Least recently used first, down to the limits (the newest entry always stays). */
  private evict() {
    while (this.entries.size > 1 && (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES)) {
      this.drop(this.entries.keys().next().value!);
    }
  }
}

/** A JSON response serialized once, with its entity tag. */
export interface JsonBody {
  body: Buffer;
  etag: string;
}

export function jsonBody(value: unknown): JsonBody {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
  return { body, etag: `W/"${body.length.toString(16)}-${hash}"` };
}
