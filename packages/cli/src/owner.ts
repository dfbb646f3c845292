import { parseAllDocuments } from 'yaml';

/** Where a repository declares its entities, and so its owner. */
export const CATALOG_INFO_PATH = 'catalog-info.yaml';

// A hostile file can expand a few aliases into gigabytes; real catalog files
// use none or a handful.
const MAX_ALIAS_COUNT = 100;

/**
 * The owner a repository's `catalog-info.yaml` declares: `spec.owner` of the
 * first entity that has one, as written (`team-payments` or
 * `group:default/team-payments`). Undefined when no entity declares one.
 * Throws when the file is not valid YAML, with a message saying so.
 */
export function declaredOwnerOf(catalogInfo: string): string | undefined {
  for (const document of parseAllDocuments(catalogInfo)) {
    const [error] = document.errors;
    if (error) {
      throw new Error(
        `${CATALOG_INFO_PATH} is not valid YAML (${
          error.message.split('\n')[0]
        }); the folder name is used as owner`,
      );
    }
    const entity = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const owner = entity?.spec?.owner;
    if (typeof owner === 'string' && owner.trim() !== '') {
      return owner.trim();
    }
  }
  return undefined;
}
