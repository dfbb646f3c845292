import { decodeTextFile, FileProblem } from '../parsing/fileContent';
import { matchesAnyGlob } from '../parsing/glob';
import { DEFAULT_PARSE_LIMITS, ParseLimits } from '../parsing/limits';
import { isInSkippedFolder, normaliseRepositoryPath } from './repositoryPath';
import { RepositoryFiles } from './types';

/**
 * A repository's files already in memory, as the backend holds them after
 * `UrlReaderService.readTree`.
 *
 * @public
 */
export class InMemoryRepositoryFiles implements RepositoryFiles {
  readonly limits: Partial<ParseLimits>;
  private readonly contents = new Map<string, Buffer>();

  constructor(
    readonly repository: string,
    files: Map<string, Buffer>,
    limits: Partial<ParseLimits> = {},
  ) {
    this.limits = limits;
    for (const [path, content] of files) {
      let normalised: string;
      try {
        normalised = normaliseRepositoryPath(path);
      } catch {
        // A path climbing out of the tree cannot come from a real checkout; drop it.
        continue;
      }
      if (normalised && !isInSkippedFolder(normalised))
        this.contents.set(normalised, content);
    }
  }

  list(globs: string[]): string[] {
    return [...this.contents.keys()]
      .filter(path => matchesAnyGlob(path, globs))
      .sort();
  }

  text(path: string): string {
    const normalised = normaliseRepositoryPath(path);
    const content = this.contents.get(normalised);
    if (!content) {
      throw new FileProblem(
        normalised,
        `${normalised} is not in repository ${this.repository}`,
      );
    }
    return decodeTextFile(
      normalised,
      content,
      this.limits.maxFileBytes ?? DEFAULT_PARSE_LIMITS.maxFileBytes,
    );
  }
}
