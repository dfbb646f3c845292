import { FileProblem } from '../parsing/fileContent';

/** Folders that hold other people's code or build output, never a team's configuration. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'vendor']);

/**
 * A repository-relative path in canonical form (`/`-separated, no leading
 * `./` or `/`), refusing any path that climbs out of the repository.
 */
export function normaliseRepositoryPath(path: string): string {
  const segments = path.replace(/\\/g, '/').split('/');
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      throw new FileProblem(
        path,
        `${path} is outside the repository (it contains ".."); it was not read`,
      );
    }
    kept.push(segment);
  }
  return kept.join('/');
}

/** Whether a path lies in a folder the scan never reads (node_modules, .git, vendor). */
export function isInSkippedFolder(path: string): boolean {
  return path
    .split('/')
    .slice(0, -1)
    .some(segment => SKIPPED_FOLDERS.has(segment));
}
