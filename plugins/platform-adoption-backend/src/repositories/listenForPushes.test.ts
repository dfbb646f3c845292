import { mockServices } from '@backstage/backend-test-utils';
import { CatalogScmEvent, CatalogScmEventsServiceSubscriber } from '@backstage/plugin-catalog-node/alpha';
import { PushStore } from '../store/PushStore';
import { listenForPushes } from './listenForPushes';

function setup(note: (urls: string[]) => Promise<void>) {
  let subscriber: CatalogScmEventsServiceSubscriber | undefined;
  const events = {
    subscribe: (s: CatalogScmEventsServiceSubscriber) => {
      subscriber = s;
      return { unsubscribe: () => {} };
    },
    publish: async (batch: CatalogScmEvent[]) => subscriber!.onEvents(batch),
    markEventActionTaken: () => {},
  };
  const logger = mockServices.logger.mock();
  listenForPushes({ events, pushes: { note } as unknown as PushStore, logger });
  return { events, logger };
}

describe('listenForPushes', () => {
  it('notes every URL the events name, moves from and to, without credentials', async () => {
    const noted: string[][] = [];
    const { events } = setup(async urls => {
      noted.push(urls);
    });
    await events.publish([
      { type: 'location.updated', url: 'https://github.com/acme/ledger/blob/main/docker-compose.yml' },
      { type: 'repository.moved', fromUrl: 'https://github.com/acme/old', toUrl: 'https://github.com/acme/new' },
      { type: 'repository.updated', url: 'https://bot:s3cr3t@git.example.com/bank/cards' },
      { type: 'location.created', url: 'file:/tmp/catalog-info.yaml' },
    ]);
    expect(noted).toEqual([
      [
        'https://github.com/acme/ledger/blob/main/docker-compose.yml',
        'https://github.com/acme/old',
        'https://github.com/acme/new',
        'https://git.example.com/bank/cards',
      ],
    ]);
  });

  it('notes nothing for events that name nothing readable, and survives a store that fails', async () => {
    const note = jest.fn(async () => {
      throw new Error('connection refused');
    });
    const { events, logger } = setup(note);
    await events.publish([{ type: 'location.deleted', url: 'file:/tmp/x.yaml' }]);
    expect(note).not.toHaveBeenCalled();
    await events.publish([{ type: 'repository.updated', url: 'https://github.com/acme/ledger' }]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('the next full scan reads them'));
  });
});
