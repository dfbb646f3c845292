import { useApi } from '@backstage/frontend-plugin-api';
import type { OrgUnitNode } from '@platform-adoption/plugin-platform-adoption-common';
import useAsync from 'react-use/esm/useAsync';
import { platformAdoptionApiRef } from '../../api';

/**
 * The org tree as the last scan saw it (the rollups carry it), for team
 * pickers; empty while loading or when it fails, so pickers still work.
 */
export function useOrgUnits(platform?: string): {
  units: OrgUnitNode[];
  loading: boolean;
} {
  const api = useApi(platformAdoptionApiRef);
  const state = useAsync(
    async () => (await api.getRollups({ platform })).orgUnits,
    [api, platform],
  );
  return { units: state.value ?? [], loading: state.loading };
}
