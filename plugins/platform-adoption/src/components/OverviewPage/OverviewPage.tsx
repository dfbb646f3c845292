import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import type {
  OverviewResponse,
  ScanStatusResponse,
} from '@platform-adoption/plugin-platform-adoption-common';
import { useEffect, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import {
  ScanNowButton,
  ScanStatusLine,
  useScanStatus,
} from '../ScanStatus';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatRelativeTime } from '../shared/format';
import { PlatformCard } from './PlatformCard';

/** Platforms in use first, most deployments first; unused ones last by name. */
function byFootprint(
  a: OverviewResponse['platforms'][number],
  b: OverviewResponse['platforms'][number],
) {
  const size = (p: typeof a) => (p.rollup ? p.rollup.deployments + p.rollup.clients : -1);
  return size(b) - size(a) || a.title.localeCompare(b.title);
}

/** What happens before the first scan, and when the page fills in. */
function firstScanDescription(
  overview: OverviewResponse,
  status: ScanStatusResponse | undefined,
) {
  const platforms = overview.platforms.map(p => p.title).join(', ');
  const what = `Platform Adoption reads the software catalog and the repositories behind it, looking for deployments of ${
    platforms || 'the configured platforms'
  }, and compares each with its peers.`;
  if (status?.running) {
    return `${what} The first scan is running (started ${formatRelativeTime(
      status.running.startedAt,
    )}); this page fills in when it finishes.`;
  }
  if (status?.lastFailed) {
    return `${what} The first scan failed: ${
      status.lastFailed.error ?? 'no reason given'
    }. Ask the portal team to check the backend logs; the next scheduled scan retries.`;
  }
  return `${what} The first scan starts shortly after the backend starts and then runs on its schedule; this page fills in when it finishes.`;
}

/**
 * The adoption overview: one card per platform with its stage, footprint,
 * snowflakes and shadow usage, under the status of the last scan.
 */
export const OverviewPage = () => {
  const api = useApi(platformAdoptionApiRef);
  const overview = useAsyncRetry(() => api.getOverview(), [api]);
  const scan = useScanStatus();

  // When a scan completes, the overview is out of date: read it again.
  const generation = scan.value?.current?.id;
  const seenGeneration = useRef(generation);
  const retryOverview = overview.retry;
  useEffect(() => {
    if (generation !== undefined && seenGeneration.current !== undefined && generation !== seenGeneration.current) {
      retryOverview();
    }
    seenGeneration.current = generation ?? seenGeneration.current;
  }, [generation, retryOverview]);

  let body: JSX.Element;
  if (overview.loading && !overview.value) {
    body = <Progress />;
  } else if (overview.error) {
    body = (
      <ErrorNotice
        what="the adoption overview"
        error={overview.error}
        onRetry={overview.retry}
      />
    );
  } else if (!overview.value || overview.value.generation === null) {
    body = (
      <EmptyState
        missing="data"
        title="No scan has finished yet"
        description={firstScanDescription(
          overview.value ?? { generation: null, platforms: [] },
          scan.value,
        )}
      />
    );
  } else if (overview.value.platforms.length === 0) {
    body = (
      <EmptyState
        missing="info"
        title="No platforms are configured"
        description="Platform Adoption tracks the platforms its backend knows: the built-in ones and those added by modules or by platformAdoption configuration. Ask the portal team which to enable."
      />
    );
  } else {
    body = (
      <Grid container spacing={3}>
        {[...overview.value.platforms].sort(byFootprint).map(platform => (
          <Grid item xs={12} md={6} xl={4} key={platform.id}>
            <PlatformCard platform={platform} />
          </Grid>
        ))}
      </Grid>
    );
  }

  return (
    <Content>
      <ContentHeader
        title="Adoption overview"
        description="Every tracked platform across the company: how far it has come, who runs it, and what stands out."
      >
        <ScanNowButton
          running={Boolean(scan.value?.running)}
          onTriggered={scan.refresh}
        />
      </ContentHeader>
      <ScanStatusLine status={scan.value} error={scan.error} />
      {body}
    </Content>
  );
};
