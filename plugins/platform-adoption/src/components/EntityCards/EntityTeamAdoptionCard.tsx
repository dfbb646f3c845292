import { InfoCard, Link, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
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
import { StageBadge } from '../shared/StageBadge';
import { usePlatformAdoptionPath } from '../shared/usePlatformAdoptionPath';

/**
 * On a Group: each platform the team (with its sub-teams) runs, its
 * figures and its stage within the team.
 */
export const EntityTeamAdoptionCard = () => {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const api = useApi(platformAdoptionApiRef);
  const basePath = usePlatformAdoptionPath();
  const data = useAsyncRetry(async () => {
    const [rollups, platforms] = await Promise.all([
      api.getRollups({ org: groupRef }),
      api.listPlatforms(),
    ]);
    const titles = new Map(platforms.items.map(p => [p.id, p.title]));
    return rollups.items
      .filter(r => r.orgRef === groupRef)
      .map(r => ({ ...r, title: titles.get(r.platform) ?? r.platform }))
      .sort((a, b) => b.deployments - a.deployments || a.title.localeCompare(b.title));
  }, [api, groupRef]);

  let body: JSX.Element;
  if (data.loading && !data.value) {
    body = <Progress />;
  } else if (data.error) {
    body = <ErrorNotice what="this team's platform adoption" error={data.error} onRetry={data.retry} />;
  } else if (!data.value?.length) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No platform deployments are owned by this group or the groups below it.
      </Typography>
    );
  } else {
    body = (
      <Table size="small" aria-label="Platform adoption of this group and its sub-teams">
        <TableHead>
          <TableRow>
            <TableCell>Platform</TableCell>
            <TableCell align="right">Deployments</TableCell>
            <TableCell align="right">Production</TableCell>
            <TableCell align="right">Snowflakes</TableCell>
            <TableCell align="right">Positive deviants</TableCell>
            <TableCell>Stage</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.value.map(r => (
            <TableRow key={r.platform}>
              <TableCell>
                <Link to={deploymentsLink(`${basePath}/${r.platform}`, { team: groupRef })}>
                  {r.title}
                </Link>
              </TableCell>
              <TableCell align="right">{formatNumber(r.deployments)}</TableCell>
              <TableCell align="right">{formatNumber(r.production)}</TableCell>
              <TableCell align="right">{formatNumber(r.snowflakes)}</TableCell>
              <TableCell align="right">{formatNumber(r.positiveDeviants)}</TableCell>
              <TableCell>
                <StageBadge stage={r.stage} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <InfoCard
      title="Platform adoption"
      subheader="This group and its sub-teams"
      deepLink={{ title: 'Platform Adoption', link: basePath }}
    >
      {body}
    </InfoCard>
  );
};
