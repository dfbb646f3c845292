import { Entity } from '@backstage/catalog-model';

export const SOURCE_LOCATION = 'backstage.io/source-location';
const MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';

/** Only `url:` locations name a repository a UrlReader can read. */
function urlOf(location: unknown): string | undefined {
  if (typeof location !== 'string' || !location.startsWith('url:')) return undefined;
  const url = location.slice('url:'.length).trim();
  return /^https?:\/\//.test(url) ? withoutCredentials(url) : undefined;
}

/**
 * A location copied from a clone command can carry a token
 * (`https://deploy:token@git…`). Readers authenticate through their
 * integration's configuration, never the URL, and the URL is stored and
 * shown as the repository's name: the credentials are dropped.
 */
export function withoutCredentials(url: string): string {
  return url.replace(/^(https?:\/\/)[^/?#@]*@/i, '$1');
}

/**
 * A location that means to name a repository and cannot: not text, or a
 * `url:` one without an http(s) URL. Other types (`file:`, `dir:`) are
 * well-formed locations a UrlReader just does not serve.
 */
export function isMalformedSourceLocation(location: unknown): boolean {
  if (location === undefined) return false;
  if (typeof location !== 'string') return true;
  return location.startsWith('url:') && !urlOf(location);
}

/** Repository URLs are compared with one trailing slash, so `x` and `x/` are one repository. */
export function normalizeRepositoryUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The repository behind an entity: its source location, or else the folder
 * of the catalog file it was registered from.
 */
export function sourceLocationOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const source = urlOf(annotations[SOURCE_LOCATION]);
  if (source) return normalizeRepositoryUrl(source);
  const managedBy = urlOf(annotations[MANAGED_BY_LOCATION]);
  if (!managedBy) return undefined;
  return normalizeRepositoryUrl(managedBy.replace(/[^/]*$/, ''));
}
