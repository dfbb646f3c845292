/**
 * A small glob matcher for detector file globs (relative, `/`-separated
 * paths): `**` for any number of folders, `*` and `?` within one segment,
 * `{a,b}` alternatives and `[abc]` classes. Dot files match like any other
 * file: repositories keep configuration in `.github/` or `.deploy/`.
 * Written here to keep the detection path free of dependencies.
 */

const cache = new Map<string, RegExp>();

/** @public */
export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = '';
  let i = 0;
  let braceDepth = 0;
  while (i < glob.length) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more whole folders; a trailing `**` anything.
          if (glob[i + 2] === '/') {
            pattern += '(?:[^/]*/)*';
            i += 3;
          } else {
            pattern += '.*';
            i += 2;
          }
          continue;
        }
      }
      pattern += '[^/]*';
    } else if (char === '?') {
      pattern += '[^/]';
    } else if (char === '{') {
      braceDepth++;
      pattern += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      pattern += ')';
    } else if (char === ',' && braceDepth > 0) {
      pattern += '|';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) {
        pattern += '\\[';
      } else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        pattern += `[${body}]`;
        i = close;
      }
    } else {
      pattern += char.replace(/[.+^$()|\\]/g, '\\$&');
    }
    i++;
  }
  const regexp = new RegExp(`^${pattern}$`, 'i');
  cache.set(glob, regexp);
  return regexp;
}

/** Whether a relative path matches any of the globs. @public */
export function matchesAnyGlob(path: string, globs: string[]): boolean {
  return globs.some(glob => globToRegExp(glob).test(path));
}
