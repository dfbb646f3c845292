import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  platformAdoptionExemptionManagePermission,
  platformAdoptionReferenceManagePermission,
} from '@platform-adoption/plugin-platform-adoption-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { usePlatformContext } from '../PlatformPage/PlatformContext';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatDateTime } from '../shared/format';
import { ExemptionsPanel } from './ExemptionsPanel';
import { ReferenceWorkbench } from './ReferenceWorkbench';
import { StandardView } from './StandardView';
import { VersionHistory } from './VersionHistory';

/**
 * The platform's reference architecture: the standard in force and its
 * version history with diffs, for everyone; for the center of excellence
 * also the workbench (derive, edit, preview, publish, retire) and the
 * exemptions. Controls a reader may not use are not shown at all.
 */
export const ReferenceTab = () => {
  const api = useApi(platformAdoptionApiRef);
  const { platform, summary, titles, basePath } = usePlatformContext();
  const reference = useAsyncRetry(() => api.getReference(platform.id), [api, platform.id]);
  const manage = usePermission({ permission: platformAdoptionReferenceManagePermission });
  const exempt = usePermission({ permission: platformAdoptionExemptionManagePermission });

  if (reference.loading && !reference.value) return <Progress />;
  if (reference.error) {
    return (
      <ErrorNotice what="the reference architecture" error={reference.error} onRetry={reference.retry} />
    );
  }
  const overview = reference.value!;
  const { standard, versions } = overview;
  const latest = versions[0];

  return (
    <Box display="grid" style={{ gap: 24 }}>
      {standard ? (
        <StandardView standard={standard} titles={titles} />
      ) : (
        <EmptyState
          missing="content"
          title={`${platform.title} has no standard in force`}
          description={
            latest?.retiredAt
              ? `Version ${latest.version} was retired ${formatDateTime(latest.retiredAt)}; until a new version is published, conformance is not measured.`
              : 'The center of excellence has not published a reference architecture yet. Until it does, conformance is not measured; the Snowflakes tab shows how deployments compare with their peers.'
          }
        />
      )}
      {overview.draft && !manage.allowed && (
        <Alert severity="info">
          The center of excellence is preparing the next version (draft updated{' '}
          {formatDateTime(overview.draft.updatedAt)}).
        </Alert>
      )}
      {manage.allowed && (
        <ReferenceWorkbench
          key={platform.id}
          platform={platform}
          overview={overview}
          distributions={summary.value?.distributions ?? {}}
          basePath={basePath}
          titles={titles}
          onChanged={reference.retry}
        />
      )}
      {exempt.allowed && (
        <ExemptionsPanel platform={platform.id} titles={titles} standardVersion={standard?.version} />
      )}
      {versions.length > 0 ? (
        <VersionHistory platform={platform.id} versions={versions} current={standard?.version} titles={titles} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          No version has been published yet.
        </Typography>
      )}
    </Box>
  );
};
