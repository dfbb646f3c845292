import { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { minimatch } from 'minimatch';

/** The outcome of one conditional read of a repository. */
export type RepositoryRead =
  | { status: 'unchanged' }
  | {
      status: 'read';
      etag: string;
      files: Map<string, Buffer>;
      /** Matching files left unread because they exceed the size limit. */
      oversized: string[];
    };

export interface ReadRepositoryOptions {
  /** The etag of the last good read; unchanged content costs one request. */
  etag?: string;
  /** Only files matching these globs are fetched and kept. */
  globs: string[];
  /** Larger files are not fetched at all; they come back in `oversized`. */
  maxFileBytes: number;
}

type Matcher = (path: string) => boolean;
// Compiled once per set of globs: compiling them for every repository cost
// about 0.17 ms per repository (a second of a 10k-entity scan). A scan passes
// the same array for every repository, so it is looked up by identity first.
// The globs become one regular expression: every file of every repository
// is tested, and one test beats one per glob.
const compiled = new Map<string, Matcher>();
const byArray = new WeakMap<string[], Matcher>();
function matcherOf(globs: string[]): Matcher {
  let matcher = byArray.get(globs);
  if (matcher) return matcher;
  const key = globs.join('\u0000');
  matcher = compiled.get(key);
  if (!matcher) {
    const options = { dot: true, nocase: true };
    const regexps = globs.map(g => minimatch.makeRe(g, options));
    if (regexps.every((r): r is RegExp => r instanceof RegExp)) {
      const combined = new RegExp(regexps.map(r => `(?:${r.source})`).join('|'), 'i');
      matcher = path => combined.test(path);
    } else {
      const matchers = globs.map(g => new minimatch.Minimatch(g, options));
      matcher = path => matchers.some(m => m.match(path));
    }
    compiled.set(key, matcher);
  }
  byArray.set(globs, matcher);
  return matcher;
}

/**
 * Reads the files detectors asked for from one repository, through the
 * UrlReader so every Backstage integration (GitHub, GitLab, Bitbucket,
 * Azure…) works and their credentials stay with the integration.
 */
export async function readRepository(
  reader: UrlReaderService,
  url: string,
  options: ReadRepositoryOptions,
): Promise<RepositoryRead> {
  const matches = matcherOf(options.globs);
  const oversized = new Set<string>();
  try {
    const tree = await reader.readTree(url, {
      etag: options.etag,
      filter: (path, info) => {
        if (!matches(path)) return false;
        if (info && info.size > options.maxFileBytes) {
          oversized.add(path);
          return false;
        }
        return true;
      },
    });
    const files = new Map<string, Buffer>();
    for (const file of await tree.files()) {
      files.set(file.path, await file.content());
    }
    return { status: 'read', etag: tree.etag, files, oversized: [...oversized] };
  } catch (error) {
    if (isError(error) && error.name === 'NotModifiedError') {
      return { status: 'unchanged' };
    }
    throw error;
  }
}
