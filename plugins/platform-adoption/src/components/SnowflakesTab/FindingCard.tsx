import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { FindingWithDeployments } from '@platform-adoption/plugin-platform-adoption-common';
import { useSearchParams } from 'react-router-dom';
import { withDeploymentParam } from '../DeploymentDrawer/DeploymentDrawer';
import { formatFacetValue, pluralize } from '../shared/format';
import { FacetTitles } from '../shared/reasons';
import { ReasonText } from '../shared/ReasonText';

const useStyles = makeStyles(theme => ({
  card: { padding: theme.spacing(2) },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  rank: { color: theme.palette.text.secondary, minWidth: 32 },
  reasons: {
    margin: theme.spacing(1, 0, 0),
    padding: 0,
    listStyle: 'none',
    display: 'grid',
    gap: theme.spacing(0.5),
  },
}));

/** "13 peers sharing environment production, hosting atlas". */
export function describePeers(
  peers: FindingWithDeployments['peers'],
  titles: FacetTitles,
): string {
  const context = Object.entries(peers.context)
    .map(([facet, value]) => `${titles(facet).toLocaleLowerCase()} ${formatFacetValue(value)}`)
    .join(', ');
  const who = pluralize(peers.size, 'peer');
  return context ? `${who} sharing ${context}` : `${who} across the platform`;
}

/**
 * One finding: the deployment, its score, and each reason in words and
 * numbers, strongest first.
 */
export const FindingCard = (props: {
  finding: FindingWithDeployments;
  rank?: number;
  titles: FacetTitles;
}) => {
  const { finding, rank, titles } = props;
  const classes = useStyles();
  const [params] = useSearchParams();
  const deployment = finding.deployments[0];
  const reasons = [...finding.reasons].sort((a, b) => b.contribution - a.contribution);

  return (
    <Paper variant="outlined" className={classes.card} component="article">
      <div className={classes.header}>
        {rank !== undefined && (
          <Typography variant="h6" component="span" className={classes.rank}>
            #{rank}
          </Typography>
        )}
        <Typography variant="h6" component="h3">
          {deployment ? (
            <Link to={withDeploymentParam(params, deployment.id)}>{deployment.name}</Link>
          ) : (
            finding.deploymentId
          )}
        </Typography>
        <Chip size="small" label={`score ${finding.score.toFixed(2)}`} />
        {deployment?.environment && (
          <Chip size="small" variant="outlined" label={deployment.environment} />
        )}
      </div>
      <Typography variant="body2" color="textSecondary">
        {finding.teamRef && (
          <>
            <EntityRefLink entityRef={finding.teamRef} hideIcon />
            {' · '}
          </>
        )}
        {deployment?.entityRef && (
          <>
            <EntityRefLink entityRef={deployment.entityRef} hideIcon />
            {' · '}
          </>
        )}
        compared with {describePeers(finding.peers, titles)}
      </Typography>
      <Box component="ul" className={classes.reasons}>
        {reasons.map(reason => (
          <li key={`${reason.facet}-${reason.basis}`}>
            <ReasonText reason={reason} titles={titles} showContribution={reasons.length > 1} />
          </li>
        ))}
      </Box>
    </Paper>
  );
};
