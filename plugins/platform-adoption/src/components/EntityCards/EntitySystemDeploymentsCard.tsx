import { InfoCard, Link, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { deploymentsLink } from '../DeploymentsTab/deploymentFilters';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatNumber } from '../shared/format';
import { usePlatformAdoptionPath } from '../shared/usePlatformAdoptionPath';

/** The most deployments the card lists; the platform pages have the rest. */
const CARD_LIMIT = 50;

/** On a System: the platform deployments of its components and resources. */
export const EntitySystemDeploymentsCard = () => {
  const { entity } = useEntity();
  const systemRef = stringifyEntityRef(entity);
  const api = useApi(platformAdoptionApiRef);
  const basePath = usePlatformAdoptionPath();
  const data = useAsyncRetry(async () => {
    const [page, platforms] = await Promise.all([
      api.listDeployments({ system: systemRef, sort: 'platform', limit: CARD_LIMIT }),
      api.listPlatforms(),
    ]);
    return { page, titles: new Map(platforms.items.map(p => [p.id, p.title])) };
  }, [api, systemRef]);

  let body: JSX.Element;
  if (data.loading && !data.value) {
    body = <Progress />;
  } else if (data.error) {
    body = <ErrorNotice what="this system's deployments" error={data.error} onRetry={data.retry} />;
  } else if (!data.value?.page.items.length) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No platform deployments found in this system's components and resources.
      </Typography>
    );
  } else {
    const { page, titles } = data.value;
    const platforms = [...new Set(page.items.map(d => d.platform))];
    body = (
      <>
        <Table size="small" aria-label="Platform deployments in this system">
          <TableHead>
            <TableRow>
              <TableCell>Deployment</TableCell>
              <TableCell>Platform</TableCell>
              <TableCell>Environment</TableCell>
              <TableCell>Team</TableCell>
              <TableCell>Entity</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.items.map(d => (
              <TableRow key={d.id}>
                <TableCell>
                  <Link
                    to={`${deploymentsLink(`${basePath}/${d.platform}`, { system: systemRef })}&deployment=${encodeURIComponent(d.id)}`}
                  >
                    {d.name}
                  </Link>
                  {d.stale && (
                    <Typography variant="caption" color="textSecondary" component="div">
                      Stale: {d.staleReason ?? 'kept from an earlier scan'}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{titles.get(d.platform) ?? d.platform}</TableCell>
                <TableCell>{d.environment ?? '—'}</TableCell>
                <TableCell>{d.teamRef ? <EntityRefLink entityRef={d.teamRef} hideIcon /> : '—'}</TableCell>
                <TableCell>{d.entityRef ? <EntityRefLink entityRef={d.entityRef} hideIcon /> : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {page.totalCount > page.items.length && (
          <Typography variant="body2" color="textSecondary" style={{ marginTop: 8 }}>
            Showing {formatNumber(page.items.length)} of {formatNumber(page.totalCount)}. All of
            them per platform:{' '}
            {platforms.map((p, i) => (
              <span key={p}>
                {i > 0 && ', '}
                <Link to={deploymentsLink(`${basePath}/${p}`, { system: systemRef })}>{titles.get(p) ?? p}</Link>
              </span>
            ))}
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Platform deployments"
      subheader="Vendor platforms this system's components run"
      deepLink={{ title: 'Platform Adoption', link: basePath }}
    >
      {body}
    </InfoCard>
  );
};
