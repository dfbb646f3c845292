import { promises as fs } from 'node:fs';
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

/**
 * Every file under `realDir`, sorted by path. Each entry is resolved with
 * `realpath`, so a symlink is followed only when its target stays inside
 * `realRoot`; links out of it, dangling links and folder cycles are skipped.
 */
export async function listTreeFiles(options: {
  realRoot: string;
  realDir: string;
  signal?: AbortSignal;
  onSkipped?: (entry: SkippedEntry) => void;
}): Promise<TreeFile[]> {
  const { realRoot, realDir, signal, onSkipped = () => {} } = options;
  const files: TreeFile[] = [];
  const visitedFolders = new Set<string>([realDir]);

  async function walk(dir: string, prefix: string): Promise<void> {
    signal?.throwIfAborted();
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      // By name whatever the type: a submodule's `.git` is a file.
      if (SKIPPED_FOLDERS.has(entry.name)) {
        continue;
      }
      const path = prefix + entry.name;
      let real: string;
      try {
        real = await fs.realpath(join(dir, entry.name));
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
      const stat = await fs.stat(real);
      if (stat.isDirectory()) {
        if (visitedFolders.has(real)) {
          onSkipped({
            path,
            reason: 'a symlink back into a folder already read',
          });
          continue;
        }
        visitedFolders.add(real);
        await walk(real, `${path}/`);
      } else if (stat.isFile()) {
        files.push({
          path,
          realPath: real,
          size: stat.size,
          mtimeMs: stat.mtimeMs,
        });
      }
    }
  }

  await walk(realDir, '');
  return files.sort(byPath);
}

// Code-point order: the etag must not depend on the machine's locale.
function byPath(a: TreeFile, b: TreeFile): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}
