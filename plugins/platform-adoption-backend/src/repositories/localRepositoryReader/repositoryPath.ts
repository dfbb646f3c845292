import { InputError, NotAllowedError } from '@backstage/errors';

// The raw text of the path, taken before `new URL()` gets to it: the WHATWG
// parser silently resolves `..` and `%2e%2e`, which would hide an attempt to
// climb out of the folder instead of refusing it.
const RAW_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/i;

// Source locations copied from a Git host point into a branch:
// `<repo>/tree/<branch>/<dir>` or `<repo>/blob/<branch>/<file>`. A local folder
// has one working copy, so the branch is dropped.
const BRANCH_MARKERS = new Set(['tree', 'blob']);

/**
 * The path, relative to the local repositories folder and `/`-separated, that
 * a URL under `baseUrl` points at; `''` for the folder itself.
 *
 * Refuses anything that could name a file outside the folder: `..` or `.`
 * segments (plain or percent-encoded), encoded separators, NUL bytes and
 * absolute paths. Symlinks are checked later, against the real file system.
 */
export function repositoryPathOf(url: string, baseUrl: URL): string {
  const rawPath = RAW_PATH.exec(url)?.[1];
  if (rawPath === undefined || !isSameOrigin(url, baseUrl)) {
    throw new NotAllowedError(
      `Cannot read '${url}': the local repository reader only serves URLs under ${baseUrl.href}`,
    );
  }

  const basePath = baseUrl.pathname;
  let rest: string;
  if (rawPath.startsWith(basePath)) {
    rest = rawPath.slice(basePath.length);
  } else if (`${rawPath}/` === basePath) {
    rest = '';
  } else {
    throw new NotAllowedError(
      `Cannot read '${url}': the local repository reader only serves URLs under ${baseUrl.href}`,
    );
  }

  if (rest.startsWith('/')) {
    throw new InputError(
      `Cannot read '${url}': absolute paths are not allowed, name a repository under ${baseUrl.href}`,
    );
  }

  const segments = rest
    .split('/')
    .filter(segment => segment !== '')
    .map(segment => decodeSegment(segment, url));

  return withoutBranch(segments).join('/');
}

function isSameOrigin(url: string, baseUrl: URL): boolean {
  try {
    return new URL(url).origin === baseUrl.origin;
  } catch {
    return false;
  }
}

function decodeSegment(segment: string, url: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw new InputError(
      `Cannot read '${url}': '${segment}' is not valid percent-encoding`,
    );
  }
  if (decoded === '..' || decoded === '.') {
    throw new InputError(
      `Cannot read '${url}': '${segment}' path segments are not allowed`,
    );
  }
  if (/[/\\\0]/.test(decoded)) {
    throw new InputError(
      `Cannot read '${url}': path segment '${segment}' contains a separator or NUL byte`,
    );
  }
  return decoded;
}

function withoutBranch(segments: string[]): string[] {
  if (segments.length >= 3 && BRANCH_MARKERS.has(segments[1])) {
    return [segments[0], ...segments.slice(3)];
  }
  return segments;
}
