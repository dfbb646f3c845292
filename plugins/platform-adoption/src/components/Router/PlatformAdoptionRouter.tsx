import { Route, Routes } from 'react-router-dom';
import { OverviewPage } from '../OverviewPage';
import { PlatformPage } from '../PlatformPage';

/**
 * The plugin's pages under its mount point: the overview, and a page per
 * platform (`/:platform/teams`, `/deployments`, `/snowflakes`, `/facets`,
 * `/reference`, `/progress`).
 */
export const PlatformAdoptionRouter = () => (
  <Routes>
    <Route index element={<OverviewPage />} />
    <Route path=":platform/*" element={<PlatformPage />} />
  </Routes>
);
