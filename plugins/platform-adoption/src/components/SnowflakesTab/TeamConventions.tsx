import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import type { FindingWithDeployments } from '@platform-adoption/plugin-platform-adoption-common';
import { useSearchParams } from 'react-router-dom';
import { withDeploymentParam } from '../DeploymentDrawer/DeploymentDrawer';
import { deploymentsLink } from '../DeploymentsTab/deploymentFilters';
import { pluralize, shortRef } from '../shared/format';
import { FacetTitles } from '../shared/reasons';
import { ReasonText } from '../shared/ReasonText';

/** Team conventions by team, teams in name order. */
export function groupByTeam(findings: FindingWithDeployments[]) {
  const groups = new Map<string, FindingWithDeployments[]>();
  for (const f of findings) {
    const team = f.teamRef ?? '';
    groups.set(team, [...(groups.get(team) ?? []), f]);
  }
  return [...groups.entries()].sort(([a], [b]) => shortRef(a).localeCompare(shortRef(b)));
}

/**
 * Deviations a whole team shares: one decision made once, reported once
 * per team rather than as one snowflake per deployment.
 */
export const TeamConventions = (props: {
  findings: FindingWithDeployments[];
  titles: FacetTitles;
  basePath: string;
}) => {
  const { findings, titles, basePath } = props;
  const [params] = useSearchParams();
  return (
    <Box display="grid" style={{ gap: 16 }}>
      {groupByTeam(findings).map(([teamRef, conventions]) => (
        <Paper variant="outlined" key={teamRef || 'none'} component="article">
          <Box p={2}>
            <Typography variant="h6" component="h3">
              {teamRef ? <EntityRefLink entityRef={teamRef} hideIcon /> : 'No team'}
            </Typography>
            {teamRef && (
              <Link to={deploymentsLink(basePath, { team: teamRef })}>
                All deployments of this team
              </Link>
            )}
            {conventions.map(c => (
              <Box key={`${c.deploymentId}-${c.reasons[0]?.facet}`} mt={1.5}>
                {c.reasons.map(reason => (
                  <ReasonText key={reason.facet} reason={reason} titles={titles} />
                ))}
                <Typography variant="body2" color="textSecondary">
                  Shared by all {pluralize((c.deploymentIds ?? [c.deploymentId]).length, 'deployment')} of the team:{' '}
                  {c.deployments.map((d, i) => (
                    <span key={d.id}>
                      {i > 0 && ', '}
                      <Link to={withDeploymentParam(params, d.id)}>{d.name}</Link>
                    </span>
                  ))}
                </Typography>
              </Box>
            ))}
          </Box>
        </Paper>
      ))}
    </Box>
  );
};
