import type { PlatformAdoptionApi } from '../api';
import {
  findings,
  mongodb,
  mongodbDeployments,
  overview,
  postgresql,
  rollups,
  scanStatus,
  summary,
} from './fixtures';

/**
 * A fake backend answering with the fixtures; override any method to shape
 * a test's scenario. Every method is a jest mock, so tests can read the
 * queries a view sent.
 */
export function createFakeApi(
  overrides: Partial<PlatformAdoptionApi> = {},
): jest.Mocked<PlatformAdoptionApi> {
  const api: PlatformAdoptionApi = {
    getHealth: async () => ({ status: 'ok' }),
    getOverview: async () => overview,
    listPlatforms: async () => ({ items: [mongodb, postgresql] }),
    listDeployments: async () => ({
      items: mongodbDeployments,
      totalCount: mongodbDeployments.length,
      generation: 7,
      nextCursor: null,
    }),
    getDeployment: async id => {
      const found = mongodbDeployments.find(d => d.id === id);
      if (!found) throw new Error(`no deployment ${id}`);
      return found;
    },
    getEntityDeployments: async () => ({ items: [], totalCount: 0 }),
    listFindings: async () => ({ items: findings }),
    getPlatformSummary: async () => ({ summary }),
    getRollups: async () => rollups,
    getScanStatus: async () => scanStatus,
    listScans: async () => ({ items: [] }),
    listScanProblems: async () => ({ items: [] }),
    triggerScan: async () => undefined,
    ...overrides,
  };
  const mocked = {} as jest.Mocked<PlatformAdoptionApi>;
  for (const [name, fn] of Object.entries(api)) {
    (mocked as any)[name] = jest.fn(fn as (...args: any[]) => any);
  }
  return mocked;
}
