import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

const BATCH = 500;

/**
 * Catalog visibility: a user never receives a deployment whose entity the
 * catalog would not show them. The common case — the policy lets everyone
 * read the catalog — costs one permission check; only a conditional policy
 * makes us ask the catalog, with the user's own credentials, which of the
 * entities at hand it shows.
 */
export class EntityVisibility {
  constructor(private readonly deps: { permissions: PermissionsService; catalog: CatalogService }) {}

  /**
   * Undefined when the caller may see every entity; otherwise a function
   * that tells which of some entity refs they may see.
   */
  async scope(credentials: BackstageCredentials): Promise<EntityScope | undefined> {
    if ((credentials.principal as { type: string }).type === 'service') return undefined;
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.DENY) return async () => new Set();
    return async refs => {
      const unique = [...new Set(refs)];
      const seen = new Set<string>();
      for (let i = 0; i < unique.length; i += BATCH) {
        const { items } = await this.deps.catalog.getEntitiesByRefs(
          { entityRefs: unique.slice(i, i + BATCH), fields: ['kind', 'metadata.namespace', 'metadata.name'] },
          { credentials },
        );
        for (const entity of items) {
          if (entity) seen.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
        }
      }
      return seen;
    };
  }

  /** Keeps the items whose entity the caller may see. */
  async restrict<T>(credentials: BackstageCredentials, items: T[], entityOf: (item: T) => string | undefined): Promise<T[]> {
    const scope = await this.scope(credentials);
    if (!scope) return items;
    const visible = await scope(items.map(entityOf).filter((r): r is string => Boolean(r)));
    return items.filter(item => {
      const ref = entityOf(item);
      return ref !== undefined && visible.has(ref);
    });
  }
}

/** Which of these entity refs the caller may see. */
export type EntityScope = (entityRefs: string[]) => Promise<Set<string>>;
