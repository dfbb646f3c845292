/**
 * A container image reference split the way Docker reads it:
 * `[registry/]repository[:tag][@digest]`.
 *
 * @public
 */
export interface ImageReference {
  /** As written. */
  reference: string;
  /** `docker.io`, `ghcr.io`, `registry:5000`…; undefined for Docker Hub shorthand. */
  registry?: string;
  /** Path without registry: `mongo`, `bitnami/mongodb`, `cloudnative-pg/postgresql`. */
  repository: string;
  /** Last path segment: `mongo`, `mongodb`, `postgresql`. */
  name: string;
  tag?: string;
  digest?: string;
}

/** @public */
export function parseImageReference(
  reference: string,
): ImageReference | undefined {
  const trimmed = reference.trim();
  if (!trimmed || /\s/.test(trimmed)) return undefined;
  let rest = trimmed;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const first = rest.slice(0, firstSlash);
    // Docker's rule: the first segment is a registry host when it has a dot
    // or a port, or is localhost; otherwise it is a Docker Hub namespace.
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest) return undefined;
  const repository = rest.replace(/^library\//, '');
  const name = repository.slice(repository.lastIndexOf('/') + 1).toLowerCase();
  return {
    reference: trimmed,
    registry,
    repository,
    name,
    tag: tag || undefined,
    digest,
  };
}

/**
 * What an image tag says about the server version.
 *
 * @public
 */
export type ImageVersion =
  | { pinned: true; version: string }
  | { pinned: false; note: string };

/**
 * The server version an image tag pins, with distro and build suffixes
 * stripped (`7.0.14-debian-12-r0` → `7.0.14`, `16-alpine` → `16`,
 * `ubi8-16.4-0` → `16.4`). `latest`, a missing tag, a digest alone or a
 * non-numeric tag pin no version: the caller reports it as unknown.
 *
 * @public
 */
export function versionFromImageTag(image: ImageReference): ImageVersion {
  const { tag } = image;
  if (!tag) {
    return image.digest
      ? {
          pinned: false,
          note: 'pinned by digest only; the version is not written',
        }
      : { pinned: false, note: 'unpinned: latest (no tag)' };
  }
  if (tag.toLowerCase() === 'latest')
    return { pinned: false, note: 'unpinned: latest' };
  const version = versionFromTagText(tag);
  if (version) return { pinned: true, version };
  return { pinned: false, note: `tag "${tag}" does not name a version` };
}

function versionFromTagText(tag: string): string | undefined {
  // Red Hat UBI images put the base first: `ubi8-16.4-0`, `ubi9-16.2-2410`.
  const withoutBase = tag.replace(/^ubi\d+-/, '');
  const match = /^v?(\d+(?:\.\d+){0,3})(?=$|[-_+])/.exec(withoutBase);
  return match ? match[1] : undefined;
}
