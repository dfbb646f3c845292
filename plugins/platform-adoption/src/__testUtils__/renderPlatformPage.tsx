import { PlatformAdoptionApi } from '../api';
import { PlatformAdoptionRouter } from '../components/Router';
import { renderView } from './renderView';
import type { RenderResult } from '@testing-library/react';

/** Renders the plugin's pages as the app mounts them, at `path`. */
export function renderPlatformPage(
  path: string,
  options: { api?: PlatformAdoptionApi; allow?: boolean } = {},
): RenderResult & { api: jest.Mocked<PlatformAdoptionApi> } {
  return renderView(<PlatformAdoptionRouter />, {
    ...options,
    mountPath: '/platform-adoption/*',
    at: path,
  });
}
