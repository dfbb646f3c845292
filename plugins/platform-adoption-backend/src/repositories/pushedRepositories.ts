import { normalizeRepositoryUrl } from './sourceLocation';

/**
 * Hosts name a file as `…/blob/<branch>/<path>` and its folder as
 * `…/tree/<branch>/<path>`; source locations use the second form.
 */
const variantsOf = (url: string) => [...new Set([url, url.replace('/blob/', '/tree/')])].map(u => u.toLowerCase());

const hasPath = (url: string) => {
  try {
    return new URL(url).pathname.replace(/\/+$/, '') !== '';
  } catch {
    return false;
  }
};

/**
 * The repositories (as scans key them: source locations ending in `/`) that
 * the URLs of source control events touch: a file or folder inside one, the
 * repository itself, or a URL above it (a repository event names the
 * repository's root, a location may point into a monorepo's folder).
 * Compared without case, as Git hosts compare them.
 */
export function pushedRepositories(pushedUrls: Iterable<string>, repositories: Iterable<string>): Set<string> {
  const byKey = new Map<string, string>();
  for (const repository of repositories) byKey.set(repository.toLowerCase(), repository);
  const sorted = [...byKey.keys()].sort();
  const touched = new Set<string>();
  for (const pushed of pushedUrls) {
    for (const variant of variantsOf(pushed)) {
      // The repository the URL lies in: one of its prefixes that ends in `/`.
      for (let slash = variant.indexOf('/'); slash !== -1; slash = variant.indexOf('/', slash + 1)) {
        const repository = byKey.get(variant.slice(0, slash + 1));
        if (repository) touched.add(repository);
      }
      const inside = byKey.get(normalizeRepositoryUrl(variant));
      if (inside) touched.add(inside);
      // The repositories below the URL, found by binary search in the sorted keys.
      if (!hasPath(variant)) continue;
      const prefix = normalizeRepositoryUrl(variant);
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle] < prefix) low = middle + 1;
        else high = middle;
      }
      for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) touched.add(byKey.get(sorted[i])!);
    }
  }
  return touched;
}
