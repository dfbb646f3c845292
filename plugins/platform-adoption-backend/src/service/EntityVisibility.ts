import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { callerOf, CallerCache } from './callerCache';

const BATCH = 500;

/** One caller's catalog decision, and what the catalog said of the entities asked about so far. */
interface CallerVisibility {
  decision: PolicyDecision;
  /** entity ref → visible, under a conditional decision. */
  known: Map<string, boolean>;
}

/**
 * Catalog visibility: a user never receives a deployment whose entity the
 * catalog would not show them. The common case — the policy lets everyone
 * read the catalog — costs one permission check; only a conditional policy
 * makes us ask the catalog, with the user's own credentials, which of the
 * entities at hand it shows.
 *
 * Both are remembered per caller (user and token) for a few seconds (see
 * {@link CallerCache}): the permission check, and under a conditional
 * decision what the catalog said of each entity, so the next requests ask
 * only about entities not seen yet.
 */
export class EntityVisibility {
  private readonly callers = new CallerCache<CallerVisibility>();

  constructor(private readonly deps: { permissions: PermissionsService; catalog: CatalogService }) {}

  private async decide(credentials: BackstageCredentials): Promise<CallerVisibility> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    return { decision, known: new Map() };
  }

  /**
   * Undefined when the caller may see every entity; otherwise a function
   * that tells which of some entity refs they may see.
   */
  async scope(credentials: BackstageCredentials): Promise<EntityScope | undefined> {
    if ((credentials.principal as { type: string }).type === 'service') return undefined;
    const caller = callerOf(credentials);
    const visibility = caller ? await this.callers.get(caller, () => this.decide(credentials)) : await this.decide(credentials);
    const { decision, known } = visibility;
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.DENY) return async () => new Set();
    return async refs => {
      const unique = [...new Set(refs)];
      const unknown = unique.filter(ref => !known.has(ref));
      for (let i = 0; i < unknown.length; i += BATCH) {
        const batch = unknown.slice(i, i + BATCH);
        const { items } = await this.deps.catalog.getEntitiesByRefs(
          { entityRefs: batch, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
          { credentials },
        );
        const seen = new Set<string>();
        for (const entity of items) {
          if (entity) seen.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
        }
        for (const ref of batch) known.set(ref, seen.has(ref));
      }
      return new Set(unique.filter(ref => known.get(ref)));
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
