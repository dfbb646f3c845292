import type { PlatformAdoptionApi } from '../api';
import {
  campaign,
  campaignStatus,
  conformance,
  exemptions,
  findings,
  history,
  preview,
  proposal,
  referenceDiff,
  referenceOverview,
  referenceV1,
  referenceV2,
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
    listReferences: async () => ({ items: [referenceV2] }),
    getReference: async () => referenceOverview,
    getReferenceVersion: async (_platform, version) => {
      const found = [referenceV1, referenceV2].find(v => v.version === version);
      if (!found) throw new Error(`no version ${version}`);
      return found;
    },
    diffReferences: async () => referenceDiff,
    deriveReference: async () => proposal,
    saveReferenceDraft: async (platform, content) => ({
      ...content,
      platform,
      basedOnVersion: 2,
      updatedAt: '2026-11-23T09:00:00.000Z',
      updatedBy: 'user:default/tamsin.raman',
    }),
    discardReferenceDraft: async () => undefined,
    previewReference: async () => preview,
    publishReference: async () => ({
      ...referenceV2,
      version: 3,
      publishedAt: '2026-11-23T09:05:00.000Z',
    }),
    retireReference: async () => ({
      ...referenceV2,
      retiredAt: '2026-11-23T09:05:00.000Z',
      retiredBy: 'user:default/tamsin.raman',
    }),
    getConformance: async () => conformance,
    listExemptions: async () => ({ items: exemptions }),
    createExemption: async input => ({
      ...input,
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      platform: 'mongodb',
      author: 'user:default/tamsin.raman',
      createdAt: '2026-11-23T09:00:00.000Z',
    }),
    revokeExemption: async id => ({
      ...exemptions.find(e => e.id === id)!,
      revokedAt: '2026-11-23T09:00:00.000Z',
      revokedBy: 'user:default/tamsin.raman',
    }),
    getHistory: async () => history,
    listCampaigns: async () => ({ items: [campaign] }),
    createCampaign: async input => ({
      ...input,
      id: '2c9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bee',
      createdBy: 'user:default/tamsin.raman',
      createdAt: '2026-11-23T09:00:00.000Z',
    }),
    getCampaign: async () => campaignStatus,
    closeCampaign: async () => ({ ...campaign, closedAt: '2026-11-23T09:00:00.000Z' }),
    listAudit: async () => ({ items: [] }),
    ...overrides,
  };
  const mocked = {} as jest.Mocked<PlatformAdoptionApi>;
  for (const [name, fn] of Object.entries(api)) {
    (mocked as any)[name] = jest.fn(fn as (...args: any[]) => any);
  }
  return mocked;
}
