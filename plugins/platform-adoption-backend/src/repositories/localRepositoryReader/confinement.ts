import { promises as fs } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
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
    if (isMissing(error)) {
      throw new NotFoundError(`Cannot read '${url}': no such file or folder`);
    }
    throw error;
  }
  if (!isInside(realRoot, real)) {
    throw new NotFoundError(
      `Cannot read '${url}': it links outside the local repositories folder`,
    );
  }
  return real;
}

/** The root's own real path; a missing root is a configuration mistake worth naming. */
export async function realRootOf(root: string, url: string): Promise<string> {
  try {
    return await fs.realpath(root);
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
