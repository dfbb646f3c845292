import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';

/** How often the status is read again while a scan runs. */
export const SCAN_POLL_INTERVAL_MS = 5000;

/**
 * How long to keep watching after "Scan now": the scheduler starts the
 * task a moment after the request, so the first read may not show it yet.
 */
const WATCH_AFTER_TRIGGER_MS = 60_000;

/**
 * The scan status, read again every few seconds while a scan runs (or was
 * just requested) so the page notices when it finishes. `refresh` reads it
 * at once and watches for a minute.
 */
export function useScanStatus() {
  const api = useApi(platformAdoptionApiRef);
  const [tick, setTick] = useState(0);
  const [watchUntil, setWatchUntil] = useState(0);
  const state = useAsyncRetry(() => api.getScanStatus(), [api, tick]);
  const running = Boolean(state.value?.running);

  useEffect(() => {
    const watching = running || Date.now() < watchUntil;
    if (!watching || state.loading) return undefined;
    const timer = setTimeout(() => setTick(t => t + 1), SCAN_POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [running, watchUntil, state.loading, state.value]);

  return {
    ...state,
    refresh: () => {
      setWatchUntil(Date.now() + WATCH_AFTER_TRIGGER_MS);
      setTick(t => t + 1);
    },
  };
}
