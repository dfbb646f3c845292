import {
  Content,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { platformAdoptionApiRef } from '../../api';

/**
 * The adoption overview: one card per platform once scans have run.
 */
export const OverviewPage = () => {
  const api = useApi(platformAdoptionApiRef);
  const { value, loading, error } = useAsync(() => api.getHealth(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <Content>
      <EmptyState
        missing="data"
        title="No platform deployments yet"
        description={`The Platform Adoption backend is ${value?.status}. Deployments appear here after the first scan of the catalog and its repositories.`}
      />
    </Content>
  );
};
