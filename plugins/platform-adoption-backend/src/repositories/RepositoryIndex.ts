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
 * The repositories a scan knows (as it keys them: source locations ending
 * in `/`), to find the ones that the URLs of source control events touch:
 * a file or folder inside one, the repository itself, or a URL above it (a
 * repository event names the repository's root, and a monorepo holds
 * several source locations). Compared without case, as Git hosts compare
 * them. Built once per catalog picture, asked once per push scan.
 */
export class RepositoryIndex {
  private readonly byKey = new Map<string, string>();
  private readonly sorted: string[];

  constructor(repositories: Iterable<string>) {
    for (const repository of repositories) this.byKey.set(repository.toLowerCase(), repository);
    this.sorted = [...this.byKey.keys()].sort();
  }

  touchedBy(pushedUrls: Iterable<string>): Set<string> {
    const touched = new Set<string>();
    for (const pushed of pushedUrls) {
      for (const variant of variantsOf(pushed)) {
        this.addContaining(variant, touched);
        if (hasPath(variant)) this.addBelow(normalizeRepositoryUrl(variant), touched);
      }
    }
    return touched;
  }

  /** The repository the URL lies in: one of its prefixes that ends in `/`. */
  private addContaining(url: string, touched: Set<string>) {
    for (let slash = url.indexOf('/'); slash !== -1; slash = url.indexOf('/', slash + 1)) {
      const repository = this.byKey.get(url.slice(0, slash + 1));
      if (repository) touched.add(repository);
    }
    const named = this.byKey.get(normalizeRepositoryUrl(url));
    if (named) touched.add(named);
  }

  /** The repositories below `prefix`, by binary search in the sorted keys. */
  private addBelow(prefix: string, touched: Set<string>) {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.sorted.length && this.sorted[i].startsWith(prefix); i++) {
      touched.add(this.byKey.get(this.sorted[i])!);
    }
  }
}
