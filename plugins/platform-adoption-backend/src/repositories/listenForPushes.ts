import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  CatalogScmEvent,
  CatalogScmEventsService,
} from '@backstage/plugin-catalog-node/alpha';
import { PushStore } from '../store/PushStore';
import { withoutCredentials } from './sourceLocation';

/** Every URL an event names: a move names where from and where to. */
function urlsOf(event: CatalogScmEvent): unknown[] {
  return 'url' in event ? [event.url] : [event.fromUrl, event.toUrl];
}

/**
 * Notes the repositories that source control events (the catalog's SCM
 * events, distilled from webhooks by the host's module) say changed, for
 * the next push scan. Events that name nothing readable are ignored.
 */
export function listenForPushes(options: { events: CatalogScmEventsService; pushes: PushStore; logger: LoggerService }) {
  const { events, pushes, logger } = options;
  return events.subscribe({
    onEvents: async batch => {
      const urls = batch
        .flatMap(urlsOf)
        .filter((url): url is string => typeof url === 'string' && /^https?:\/\//i.test(url))
        .map(withoutCredentials);
      if (!urls.length) return;
      try {
        await pushes.note(urls);
      } catch (error) {
        // The publisher does not retry; the next full scan reads these repositories anyway.
        logger.warn(`Platform adoption could not note ${urls.length} pushed repository URLs; the next full scan reads them: ${stringifyError(error)}`);
      }
    },
  });
}
