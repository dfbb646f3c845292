import { Dirent, readdirSync, realpathSync, Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { isInside, isMissing } from './confinement';

// Never part of what a repository declares: Git's own store and installed
// dependencies (which can hold thousands of files and other projects' configs).
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** One file of a tree, with what the etag and the filter need. */
export interface TreeFile {
  /** Relative to the tree's folder, `/`-separated, as `readTree` filters see it. */
  path: string;
  /** Where to read it; already checked to be inside the root. */
  realPath: string;
  size: number;
  mtimeMs: number;
}

/** Why an entry was left out, so the caller can log it. */
export interface SkippedEntry {
  path: string;
  reason: string;
}

/** Entries handled between two yields to the event loop. */
const ENTRIES_PER_SLICE = 256;

type EntryKind = 'directory' | 'file' | 'symlink' | 'other';
interface Listing {
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
  entries: Array<{ name: string; kind: EntryKind }>;
}

/**
 * The entries of folders listed before, by real path. A folder's change
 * time moves whenever an entry is added, removed or renamed (and cannot be
 * set back), so while it stays put the names and types are those listed:
 * one `stat` instead of reading the folder. Files are still `stat`ed every
 * time: their content changes without the folder's times moving.
 */
const listings = new Map<string, Listing>();
const MAX_LISTINGS = 200_000;
/**
 * A folder changed within this long before it was listed might change
 * again within the same timestamp tick without its times moving: such a
 * listing is not kept.
 */
const RACY_MS = 2000;

function entriesOf(dir: string, known?: Stats): Listing['entries'] {
  const stat = known ?? statSync(dir);
  const cached = listings.get(dir);
  if (
    cached &&
    cached.ino === stat.ino &&
    cached.mtimeMs === stat.mtimeMs &&
    cached.ctimeMs === stat.ctimeMs
  ) {
    return cached.entries;
  }
  const entries = readdirSync(dir, { withFileTypes: true }).map(entry => ({
    name: entry.name,
    kind: kindOf(entry),
  }));
  const now = Date.now();
  if (now - stat.mtimeMs > RACY_MS && now - stat.ctimeMs > RACY_MS) {
    if (listings.size >= MAX_LISTINGS) listings.clear();
    listings.set(dir, { ino: stat.ino, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, entries });
  } else {
    listings.delete(dir);
  }
  return entries;
}

function kindOf(entry: Dirent): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  return 'other';
}

/**
 * Every file under `realDir`, sorted by path. Each entry is resolved with
 * `realpath`, so a symlink is followed only when its target stays inside
 * `realRoot`; links out of it, dangling links and folder cycles are skipped.
 *
 * The walk uses synchronous calls in slices of a few hundred entries, then
 * yields to the event loop: a metadata walk of a small repository is a
 * handful of cheap system calls, and running each through the thread pool
 * cost more than the calls themselves (an unchanged repository's etag is
 * this walk, for every repository of every scan). Only symlinks are
 * resolved: below a real folder, any other entry's path is already real;
 * and a folder whose times have not moved since it was listed is not read
 * again (see `listings`).
 */
export async function listTreeFiles(options: {
  realRoot: string;
  realDir: string;
  /** The folder's `stat`, when the caller has just made it. */
  realDirStat?: Stats;
  signal?: AbortSignal;
  onSkipped?: (entry: SkippedEntry) => void;
}): Promise<TreeFile[]> {
  const { realRoot, realDir, realDirStat, signal, onSkipped = () => {} } = options;
  const files: TreeFile[] = [];
  const visitedFolders = new Set<string>([realDir]);
  const folders: Array<{ dir: string; prefix: string }> = [{ dir: realDir, prefix: '' }];
  let budget = ENTRIES_PER_SLICE;

  while (folders.length) {
    signal?.throwIfAborted();
    const { dir, prefix } = folders.pop()!;
    for (const entry of entriesOf(dir, dir === realDir ? realDirStat : undefined)) {
      if (--budget <= 0) {
        await new Promise(resolve => setImmediate(resolve));
        signal?.throwIfAborted();
        budget = ENTRIES_PER_SLICE;
      }
      // By name whatever the type: a submodule's `.git` is a file.
      if (SKIPPED_FOLDERS.has(entry.name)) {
        continue;
      }
      const path = prefix + entry.name;
      let real = join(dir, entry.name);
      let isDirectory = entry.kind === 'directory';
      let isFile = entry.kind === 'file';
      let stat: Stats | undefined;
      if (entry.kind === 'symlink') {
        try {
          real = realpathSync.native(real);
        } catch (error) {
          if (!isMissing(error)) throw error;
          onSkipped({ path, reason: 'a dangling symlink' });
          continue;
        }
        if (!isInside(realRoot, real)) {
          onSkipped({
            path,
            reason: 'a symlink outside the local repositories folder',
          });
          continue;
        }
        stat = statSync(real);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      }
      if (isDirectory) {
        if (visitedFolders.has(real)) {
          onSkipped({
            path,
            reason: 'a symlink back into a folder already read',
          });
          continue;
        }
        visitedFolders.add(real);
        folders.push({ dir: real, prefix: `${path}/` });
      } else if (isFile) {
        stat ??= statSync(real);
        files.push({
          path,
          realPath: real,
          size: stat.size,
          mtimeMs: stat.mtimeMs,
        });
      }
    }
  }

  return files.sort(byPath);
}

// Code-point order: the etag must not depend on the machine's locale.
function byPath(a: TreeFile, b: TreeFile): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}
