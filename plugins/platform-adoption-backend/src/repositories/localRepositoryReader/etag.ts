import { createHash } from 'node:crypto';

/**
 * An etag for a set of files: changes when any file is added, removed,
 * renamed, resized or touched. Stat data stands in for a commit SHA, so an
 * unchanged folder costs a directory walk and no file reads.
 */
export function etagOf(
  files: ReadonlyArray<{ path: string; size: number; mtimeMs: number }>,
): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file.path}\0${file.size}\0${file.mtimeMs}\n`);
  }
  return hash.digest('hex');
}
