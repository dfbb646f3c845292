import fs from 'fs';
import nodePath from 'path';
import { decodeTextFile, FileProblem } from '../parsing/fileContent';
import { matchesAnyGlob } from '../parsing/glob';
import { DEFAULT_PARSE_LIMITS, ParseLimits } from '../parsing/limits';
import { normaliseRepositoryPath, SKIPPED_FOLDERS } from './repositoryPath';
import { RepositoryFiles } from './types';

/**
 * A repository checked out in a folder, for the CLI, the demo and tests.
 * Reads only inside the folder: a symbolic link is followed only when its
 * target is inside the folder too, and paths with `..` are refused, so a
 * hostile repository cannot make the scan read the host's files.
 *
 * @public
 */
export class DirectoryRepositoryFiles implements RepositoryFiles {
  readonly limits: Partial<ParseLimits>;
  private readonly root: string;
  private paths: string[] | undefined;

  constructor(
    directory: string,
    options: { repository?: string; limits?: Partial<ParseLimits> } = {},
  ) {
    this.root = fs.realpathSync(directory);
    this.repository = options.repository ?? nodePath.basename(this.root);
    this.limits = options.limits ?? {};
  }

  readonly repository: string;

  list(globs: string[]): string[] {
    this.paths ??= this.walk();
    return this.paths.filter(path => matchesAnyGlob(path, globs));
  }

  text(path: string): string {
    const relative = normaliseRepositoryPath(path);
    const real = this.insideRoot(nodePath.join(this.root, relative), relative);
    const maxFileBytes =
      this.limits.maxFileBytes ?? DEFAULT_PARSE_LIMITS.maxFileBytes;
    const stat = fs.statSync(real);
    if (!stat.isFile())
      throw new FileProblem(relative, `${relative} is not a regular file`);
    // Refuse before reading: a multi-gigabyte file must not be loaded to be rejected.
    if (stat.size > maxFileBytes) {
      throw new FileProblem(
        relative,
        `${relative} is ${stat.size} bytes, over the ${maxFileBytes}-byte limit for one file; it was skipped (raise the file size limit if it really is configuration)`,
      );
    }
    return decodeTextFile(relative, fs.readFileSync(real), maxFileBytes);
  }

  /** The real path of `absolute`, or a problem when it resolves outside the root. */
  private insideRoot(absolute: string, relative: string): string {
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch {
      throw new FileProblem(
        relative,
        `${relative} does not exist in ${this.repository}`,
      );
    }
    if (real !== this.root && !real.startsWith(this.root + nodePath.sep)) {
      throw new FileProblem(
        relative,
        `${relative} links outside the repository ${this.repository}; it was not read`,
      );
    }
    return real;
  }

  /**
   * Every file under the root. Linked folders are not descended into: a
   * link inside the repository points at a folder that is listed under its
   * own path anyway, and one outside must not be read, so listing stays
   * deterministic and free of loops. A linked file is listed when its
   * target is inside the root.
   */
  private walk(): string[] {
    const result: string[] = [];
    const pending: string[] = [''];
    while (pending.length > 0) {
      const folder = pending.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(nodePath.join(this.root, folder), {
          withFileTypes: true,
        });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const relative = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(relative);
        } else if (entry.isFile()) {
          result.push(relative);
        } else if (entry.isSymbolicLink() && this.isFileInsideRoot(relative)) {
          result.push(relative);
        }
      }
    }
    return result.sort();
  }

  private isFileInsideRoot(relative: string): boolean {
    try {
      return fs
        .statSync(this.insideRoot(nodePath.join(this.root, relative), relative))
        .isFile();
    } catch {
      return false;
    }
  }
}
