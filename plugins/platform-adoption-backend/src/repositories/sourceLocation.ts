import { Entity } from '@backstage/catalog-model';

const SOURCE_LOCATION = 'backstage.io/source-location';
const MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';

/** Only `url:` locations name a repository a UrlReader can read. */
function urlOf(location: string | undefined): string | undefined {
  if (!location || !location.startsWith('url:')) return undefined;
  const url = location.slice('url:'.length).trim();
  return /^https?:\/\//.test(url) ? url : undefined;
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
