import type {
  PlatformSummaryResponse,
  PlatformWithCounts,
} from '@platform-adoption/plugin-platform-adoption-common';
import { createContext, useContext } from 'react';
import { FacetTitles } from '../shared/reasons';

/** What every tab of a platform page shares, loaded once by the page. */
export interface PlatformContextValue {
  platform: PlatformWithCounts;
  /** The platform's analysis summary; null before the first scan. */
  summary: {
    value?: PlatformSummaryResponse | null;
    loading: boolean;
    error?: Error;
    retry: () => void;
  };
  /** The platform page's path, e.g. `/platform-adoption/mongodb`. */
  basePath: string;
  titles: FacetTitles;
}

export const PlatformContext = createContext<PlatformContextValue | undefined>(
  undefined,
);

/** The platform whose page is showing; only inside a platform page. */
export function usePlatformContext(): PlatformContextValue {
  const value = useContext(PlatformContext);
  if (!value) {
    throw new Error('usePlatformContext must be used inside a platform page');
  }
  return value;
}
