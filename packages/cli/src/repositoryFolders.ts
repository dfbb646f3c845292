import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './args';

/** One repository to scan: an immediate subfolder of the scanned folder. */
export interface RepositoryFolder {
  /** The folder's name, which is also the repository's name in the report. */
  name: string;
  path: string;
}

/**
 * The repositories in `directory`, sorted by name. Hidden folders and
 * `node_modules` are not repositories (a scanned folder is often itself a
 * checkout). A `<dir>` that is missing, not a folder or unreadable is the
 * user's to fix, so it is reported as a usage error naming the argument.
 */
export async function listRepositoryFolders(
  directory: string,
): Promise<RepositoryFolder[]> {
  const absolute = resolve(directory);
  const entries = await readFolder(directory, absolute);

  const folders: RepositoryFolder[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') {
      continue;
    }
    const path = join(absolute, entry.name);
    if (
      entry.isDirectory() ||
      (entry.isSymbolicLink() && (await isFolder(path)))
    ) {
      folders.push({ name: entry.name, path });
    }
  }
  return folders.sort((a, b) => compareText(a.name, b.name));
}

async function readFolder(directory: string, absolute: string) {
  try {
    return await fs.readdir(absolute, { withFileTypes: true });
  } catch (error) {
    const reason = whyUnreadable((error as NodeJS.ErrnoException).code);
    throw new UsageError(`The <dir> argument '${directory}' ${reason}`);
  }
}

function whyUnreadable(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'ENOTDIR':
      return 'is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    default:
      return `cannot be read (${code ?? 'unknown error'})`;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Code-point order, so the output is the same whatever the machine's locale. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
