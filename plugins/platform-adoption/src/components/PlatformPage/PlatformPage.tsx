import {
  Content,
  ContentHeader,
  EmptyState,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import ArrowBackIcon from '@material-ui/icons/ArrowBack';
import { useMemo } from 'react';
import {
  Link as RouterLink,
  Navigate,
  Route,
  Routes,
  useLocation,
  useParams,
} from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { DeploymentDrawer } from '../DeploymentDrawer/DeploymentDrawer';
import { DeploymentsTab } from '../DeploymentsTab';
import { FacetsTab } from '../FacetsTab';
import { ErrorNotice } from '../shared/ErrorNotice';
import { pluralize } from '../shared/format';
import { facetTitlesOf } from '../shared/reasons';
import { ProgressTab } from '../ProgressTab';
import { ReferenceTab } from '../ReferenceTab';
import { SnowflakesTab } from '../SnowflakesTab';
import { TeamsTab } from '../TeamsTab';
import { PlatformContext, PlatformContextValue } from './PlatformContext';
import { ShadowCallout } from './ShadowCallout';

/**
 * The platform page's own path, whatever tab or drawer is open below it:
 * the location without the part the `:platform/*` route left unmatched.
 */
export function platformBasePath(pathname: string, rest: string | undefined) {
  const path = pathname.replace(/\/+$/, '');
  const tail = (rest ?? '').replace(/\/+$/, '');
  return tail && path.endsWith(`/${tail}`)
    ? path.slice(0, path.length - tail.length - 1)
    : path;
}

/** The tabs of a platform page, in order; the first is the default. */
export const PLATFORM_TABS = [
  { path: 'teams', title: 'Teams', element: <TeamsTab /> },
  { path: 'deployments', title: 'Deployments', element: <DeploymentsTab /> },
  { path: 'snowflakes', title: 'Snowflakes', element: <SnowflakesTab /> },
  { path: 'facets', title: 'Facets', element: <FacetsTab /> },
  { path: 'reference', title: 'Reference architecture', element: <ReferenceTab /> },
  { path: 'progress', title: 'Progress', element: <ProgressTab /> },
];

/**
 * One platform: its org tree, deployments, findings and facets as tabs,
 * each tab a URL of its own so views can be linked and bookmarked.
 */
export const PlatformPage = () => {
  const api = useApi(platformAdoptionApiRef);
  const params = useParams();
  const platformId = params.platform ?? '';
  const location = useLocation();
  const basePath = platformBasePath(location.pathname, params['*']);
  const overviewPath = basePath.slice(0, basePath.lastIndexOf('/')) || '/';
  const platforms = useAsyncRetry(() => api.listPlatforms(), [api]);
  const summary = useAsyncRetry(
    async () => (await api.getPlatformSummary(platformId)).summary,
    [api, platformId],
  );
  const platform = platforms.value?.items.find(p => p.id === platformId);

  const context = useMemo<PlatformContextValue | undefined>(
    () =>
      platform && {
        platform,
        summary: {
          value: summary.value,
          loading: summary.loading,
          error: summary.error,
          retry: summary.retry,
        },
        basePath,
        titles: facetTitlesOf(platform.facets),
      },
    [platform, summary.value, summary.loading, summary.error, summary.retry, basePath],
  );

  const back = (
    <Link to={overviewPath}>
      <Box display="inline-flex" alignItems="center" style={{ gap: 4 }}>
        <ArrowBackIcon fontSize="small" /> All platforms
      </Box>
    </Link>
  );

  if (platforms.loading && !platforms.value) return <Progress />;
  if (platforms.error) {
    return (
      <Content>
        {back}
        <ErrorNotice what="the platform" error={platforms.error} onRetry={platforms.retry} />
      </Content>
    );
  }
  if (!platform || !context) {
    const known = platforms.value?.items ?? [];
    return (
      <Content>
        {back}
        <EmptyState
          missing="info"
          title={`No platform called “${platformId}”`}
          description={
            known.length
              ? `Platform Adoption tracks ${known.map(p => `${p.title} (${p.id})`).join(', ')}. Pick one from the overview.`
              : 'Platform Adoption tracks no platforms yet. Ask the portal team to enable one.'
          }
        />
      </Content>
    );
  }

  const segment = location.pathname.slice(basePath.length + 1).split('/')[0];
  const current = Math.max(0, PLATFORM_TABS.findIndex(t => t.path === segment));

  return (
    <PlatformContext.Provider value={context}>
      <Content>
        {back}
        <ContentHeader
          title={platform.title}
          description={[
            platform.vendor,
            pluralize(platform.deployments, 'deployment'),
            pluralize(platform.teams, 'team'),
            pluralize(platform.clients, 'client usage'),
          ]
            .filter(Boolean)
            .join(' · ')}
        />
        {platform.description && (
          <Typography variant="body2" color="textSecondary" paragraph>
            {platform.description}
          </Typography>
        )}
        {summary.value && <ShadowCallout summary={summary.value} title={platform.title} />}
        <Box mb={3} borderBottom={1} borderColor="divider">
          <Tabs
            value={current}
            indicatorColor="primary"
            textColor="primary"
            variant="scrollable"
            scrollButtons="auto"
            aria-label={`${platform.title} views`}
          >
            {PLATFORM_TABS.map(tab => (
              <Tab
                key={tab.path}
                label={tab.title}
                component={RouterLink}
                to={`${basePath}/${tab.path}`}
              />
            ))}
          </Tabs>
        </Box>
        <Routes>
          <Route index element={<Navigate to={PLATFORM_TABS[0].path} replace />} />
          {PLATFORM_TABS.map(tab => (
            <Route key={tab.path} path={`${tab.path}/*`} element={tab.element} />
          ))}
          <Route path="*" element={<Navigate to={PLATFORM_TABS[0].path} replace />} />
        </Routes>
        <DeploymentDrawer facets={platform.facets} />
      </Content>
    </PlatformContext.Provider>
  );
};
