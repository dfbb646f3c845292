import { promises as fs, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import {
  LoggerService,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReadTreeResponseFactory,
  ReadUrlResponseFactory,
  ReaderFactory,
} from '@backstage/backend-defaults/urlReader';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { minimatch } from 'minimatch';
import { isInside, realPathBelowSync, realPathInside, realRootOf } from './confinement';
import { etagOf } from './etag';
import { listTreeFiles } from './listTreeFiles';
import {
  LocalRepositoryLocation,
  readLocalRepositoryLocations,
} from './localRepositoriesConfig';
import { repositoryPathOf } from './repositoryPath';

// What makes a path segment a pattern rather than a name.
const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * Serves repositories that are plain folders (the demo's
 * `examples/repositories/`) under a Git-host-like base URL, so the product
 * reads them through `UrlReaderService` exactly as it reads GitHub or GitLab,
 * and nothing outside the configured folder can be read.
 *
 * `search` takes a minimatch pattern in the URL's path (`*`, `**`, `{a,b}`),
 * as catalog locations use, or an exact file URL, which finds that file or
 * nothing.
 *
 * @public
 */
export class LocalRepositoryUrlReader implements UrlReaderService {
  /** One reader per entry of `platformAdoption.localRepositories`. */
  static factory: ReaderFactory = ({ config, logger, treeResponseFactory }) =>
    readLocalRepositoryLocations(config).map(location => {
      const reader = new LocalRepositoryUrlReader(
        location,
        treeResponseFactory,
        logger,
      );
      return { predicate: url => reader.serves(url), reader };
    });

  constructor(
    private readonly location: LocalRepositoryLocation,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
    private readonly logger: LoggerService,
  ) {}

  /** Whether `url` lies under this reader's base URL. */
  serves(url: URL): boolean {
    const { baseUrl } = this.location;
    return (
      url.origin === baseUrl.origin &&
      (url.pathname.startsWith(baseUrl.pathname) ||
        `${url.pathname}/` === baseUrl.pathname)
    );
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const { realRoot, realPath, path } = await this.resolve(url);
    const stat = await fs.stat(realPath);
    if (!stat.isFile()) {
      throw new NotFoundError(
        `Cannot read '${url}': it is a folder, read it with readTree`,
      );
    }

    const etag = etagOf([{ path, size: stat.size, mtimeMs: stat.mtimeMs }]);
    if (options?.etag === etag) {
      throw notModified();
    }
    if (options?.lastModifiedAfter && stat.mtime <= options.lastModifiedAfter) {
      throw notModified();
    }

    return ReadUrlResponseFactory.fromReadable(
      readLazily(realPath, realRoot, url),
      { etag, lastModifiedAt: stat.mtime },
    );
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    // Synchronous metadata calls: a scan asks every repository for its
    // etag, and for small folders the thread pool costs more than the calls.
    const path = repositoryPathOf(url, this.location.baseUrl);
    const realRoot = await realRootOf(this.location.root, url);
    const { real: realPath, isDirectory, stat } = realPathBelowSync(realRoot, path, url);
    if (!isDirectory) {
      throw new NotFoundError(
        `Cannot read '${url}' as a tree: it is a file, read it with readUrl`,
      );
    }

    const files = await listTreeFiles({
      realRoot,
      realDir: realPath,
      realDirStat: stat,
      signal: options?.signal,
      onSkipped: this.logSkipped(url),
    });

    const etag = etagOf(files);
    if (options?.etag === etag) {
      throw notModified();
    }

    // Filtered by path and size before any content is read, so a scan that
    // wants a handful of config files never opens the rest.
    const wanted = options?.filter
      ? files.filter(file => options.filter!(file.path, { size: file.size }))
      : files;

    // `files()` reads each file when asked, directly; the archive and
    // folder forms go through the response factory, built only if used.
    let streamed: Promise<UrlReaderServiceReadTreeResponse> | undefined;
    const viaFactory = () =>
      (streamed ??= this.treeResponseFactory.fromReadableArray(
        wanted.map(file => ({
          path: file.path,
          data: readLazily(file.realPath, realRoot, url),
          lastModifiedAt: new Date(file.mtimeMs),
        })),
      ));
    const folders = new Map<string, string>();
    return {
      etag,
      files: async () =>
        wanted.map(file => ({
          path: file.path,
          content: () => readConfined(file.realPath, realRoot, url, file.size, folders),
          lastModifiedAt: new Date(file.mtimeMs),
        })),
      archive: async () => (await viaFactory()).archive(),
      dir: async dirOptions => (await viaFactory()).dir(dirOptions),
    };
  }

  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    const path = repositoryPathOf(url, this.location.baseUrl);
    const segments = path.split('/');
    const globStart = segments.findIndex(segment =>
      GLOB_CHARACTERS.test(segment),
    );
    if (globStart === -1) {
      return this.searchExactFile(url, options);
    }

    // Walk only the folder before the first wildcard: `repo/deploy/**/*.yaml`
    // lists `repo/deploy`, not the whole root.
    const folder = segments.slice(0, globStart).join('/');
    const pattern = segments.slice(globStart).join('/');
    const { realRoot, realPath } = await this.resolve(url, folder);
    if (!(await fs.stat(realPath)).isDirectory()) {
      return { files: [], etag: '' };
    }
    const files = (
      await listTreeFiles({
        realRoot,
        realDir: realPath,
        signal: options?.signal,
        onSkipped: this.logSkipped(url),
      })
    ).filter(file => minimatch(file.path, pattern));

    const etag = etagOf(files);
    if (options?.etag === etag) {
      throw notModified();
    }
    return {
      etag,
      files: files.map(file => ({
        url: this.urlOf(folder ? `${folder}/${file.path}` : file.path),
        content: () => readConfined(file.realPath, realRoot, url),
        lastModifiedAt: new Date(file.mtimeMs),
      })),
    };
  }

  toString(): string {
    const { baseUrl, root } = this.location;
    return `localRepositories{baseUrl=${baseUrl.href},root=${root}}`;
  }

  // Like the S3 and Azure Blob readers: an exact URL finds one file or none.
  private async searchExactFile(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    try {
      const file = await this.readUrl(url, options);
      return {
        files: [
          { url, content: file.buffer, lastModifiedAt: file.lastModifiedAt },
        ],
        etag: file.etag ?? '',
      };
    } catch (error) {
      if ((error as Error)?.name === 'NotFoundError') {
        return { files: [], etag: '' };
      }
      throw error;
    }
  }

  private logSkipped(url: string) {
    return ({ path, reason }: { path: string; reason: string }) =>
      this.logger.warn(`Skipped ${path} in ${url}: it is ${reason}`);
  }

  /** The URL of a path under the root, as this reader serves it. */
  private urlOf(path: string): string {
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return `${this.location.baseUrl.href}${encoded}`;
  }

  /**
   * The URL's file or folder (or `path`, already taken from that URL),
   * proven to lie inside the root.
   */
  private async resolve(
    url: string,
    path = repositoryPathOf(url, this.location.baseUrl),
  ) {
    const realRoot = await realRootOf(this.location.root, url);
    const realPath = await realPathInside(realRoot, join(realRoot, path), url);
    return { realRoot, realPath, path };
  }
}

/**
 * "Not modified", the answer for every unchanged repository of every scan:
 * built without a stack trace (nobody reads it), which was most of its cost.
 */
function notModified(): NotModifiedError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new NotModifiedError();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Files up to this size are read with one synchronous call (configuration files are). */
const SYNC_READ_BYTES = 256 * 1024;

/**
 * A file's content, with its path checked again at the moment of reading in
 * case a link was swapped in since the folder was listed.
 */
async function readConfined(
  realPath: string,
  realRoot: string,
  url: string,
  size?: number,
  /** Real paths of folders already resolved for this tree (folder → real). */
  folders?: Map<string, string>,
): Promise<Buffer> {
  const small = size !== undefined && size <= SYNC_READ_BYTES;
  const real = small ? realPathNow(realPath, folders) : await fs.realpath(realPath);
  if (!isInside(realRoot, real)) {
    throw new NotFoundError(
      `Cannot read '${url}': a file now links outside the local repositories folder`,
    );
  }
  return small ? readFileSync(real) : fs.readFile(real);
}

/**
 * The real path of a listed file at the moment of reading: its folder's,
 * resolved once per folder of the tree, joined with its name, provided the
 * file itself is (still) no symlink — one `lstat` per file instead of a
 * `realpath` that checks every segment of the path again.
 */
function realPathNow(realPath: string, folders?: Map<string, string>): string {
  if (!folders) return realpathSync.native(realPath);
  if (lstatSync(realPath).isSymbolicLink()) return realpathSync.native(realPath);
  const folder = dirname(realPath);
  let realFolder = folders.get(folder);
  if (realFolder === undefined) {
    realFolder = realpathSync.native(folder);
    folders.set(folder, realFolder);
  }
  return join(realFolder, basename(realPath));
}

/**
 * A stream that opens the file only when first read, so building a response
 * for hundreds of files holds no file descriptors.
 */
function readLazily(realPath: string, realRoot: string, url: string): Readable {
  async function* content() {
    yield await readConfined(realPath, realRoot, url);
  }
  return Readable.from(content(), { objectMode: false });
}
