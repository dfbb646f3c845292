import { promises as fs, lstatSync, realpathSync, Stats, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { NotFoundError } from '@backstage/errors';

/**
 * Whether `realPath` is `realRoot` or below it. Both must already be real
 * paths (symlinks resolved), otherwise a link could pass as a child.
 */
export function isInside(realRoot: string, realPath: string): boolean {
  const rel = relative(realRoot, realPath);
  return (
    rel === '' ||
    (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
  );
}

/**
 * The real path of `candidate`, provided it exists and, with every symlink on
 * the way resolved, still lies inside `realRoot`. A link pointing outside is
 * reported as missing so the response does not confirm what lies beyond.
 */
export async function realPathInside(
  realRoot: string,
  candidate: string,
  url: string,
): Promise<string> {
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch (error) {
    throw asNotFound(error, url);
  }
  return confined(realRoot, real, url);
}

/**
 * The same for `path` (relative, `/`-separated) below `realRoot`,
 * synchronously and with one `lstat` per segment instead of a `realpath`
 * of the whole path: below a real folder, a path none of whose segments is
 * a symlink is real. Only a path through a symlink is resolved in full.
 * Returns its real path, whether it is a folder, and its `stat` when
 * known without another call.
 */
export function realPathBelowSync(
  realRoot: string,
  path: string,
  url: string,
): { real: string; isDirectory: boolean; stat?: Stats } {
  let current = realRoot;
  let isDirectory = true;
  let last: Stats | undefined;
  for (const segment of path.split('/').filter(Boolean)) {
    current = join(current, segment);
    let stat: Stats;
    try {
      stat = lstatSync(current);
    } catch (error) {
      throw asNotFound(error, url);
    }
    if (stat.isSymbolicLink()) {
      const real = realPathInsideSync(realRoot, join(realRoot, path), url);
      const target = statSync(real);
      return { real, isDirectory: target.isDirectory(), stat: target };
    }
    isDirectory = stat.isDirectory();
    last = stat;
  }
  return { real: current, isDirectory, stat: last };
}

function realPathInsideSync(realRoot: string, candidate: string, url: string): string {
  let real: string;
  try {
    real = realpathSync.native(candidate);
  } catch (error) {
    throw asNotFound(error, url);
  }
  return confined(realRoot, real, url);
}

/** A missing path as the reader's 404; any other error as it is. */
function asNotFound(error: unknown, url: string): unknown {
  return isMissing(error) ? new NotFoundError(`Cannot read '${url}': no such file or folder`) : error;
}

/** `real`, if it lies inside `realRoot`; a link out is reported as missing. */
function confined(realRoot: string, real: string, url: string): string {
  if (!isInside(realRoot, real)) {
    throw new NotFoundError(`Cannot read '${url}': it links outside the local repositories folder`);
  }
  return real;
}

/** How long the real path of a root is reused (a root that is a symlink may be switched). */
const ROOT_TTL_MS = 5000;
const realRoots = new Map<string, { real: string; until: number }>();

/**
 * The root's own real path; a missing root is a configuration mistake worth
 * naming. Resolved at most every few seconds: every read of a scan asks.
 */
export async function realRootOf(root: string, url: string): Promise<string> {
  const cached = realRoots.get(root);
  const now = Date.now();
  if (cached && cached.until > now) return cached.real;
  try {
    const real = realpathSync.native(root);
    realRoots.set(root, { real, until: now + ROOT_TTL_MS });
    return real;
  } catch (error) {
    if (isMissing(error)) {
      throw new NotFoundError(
        `Cannot read '${url}': the local repositories folder ${root} does not exist`,
      );
    }
    throw error;
  }
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP';
}
