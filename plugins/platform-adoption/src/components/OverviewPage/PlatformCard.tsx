import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { OverviewResponse } from '@platform-adoption/plugin-platform-adoption-common';
import { formatNumber, formatPercent, pluralize } from '../shared/format';
import { StageBadge } from '../shared/StageBadge';
import { StageProgress } from '../shared/StageProgress';
import { Stat } from '../shared/Stat';
import { TrendSparkline } from './TrendSparkline';

type OverviewPlatform = OverviewResponse['platforms'][number];

const useStyles = makeStyles(theme => ({
  card: { height: '100%', display: 'flex', flexDirection: 'column' },
  content: { flexGrow: 1 },
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))',
    gap: theme.spacing(2),
    margin: theme.spacing(2, 0),
  },
  section: { marginTop: theme.spacing(2) },
}));

/** Conformance to the published reference, or why there is none yet. */
const Conformance = ({ platform }: { platform: OverviewPlatform }) => {
  const conformance = platform.rollup?.conformance;
  if (platform.referenceVersion === null || platform.referenceVersion === undefined) {
    return (
      <Typography variant="body2" color="textSecondary">
        No reference architecture published yet, so there is nothing to
        conform to. Once the center of excellence publishes one, conformance
        shows here.
      </Typography>
    );
  }
  if (!conformance || conformance.production === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Reference architecture version {platform.referenceVersion} is
        published; no production deployment is measured against it yet.
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      {formatNumber(conformance.conforming)} of{' '}
      {pluralize(conformance.production, 'production deployment')} (
      {formatPercent(conformance.conforming / conformance.production)}) conform
      to reference architecture version {platform.referenceVersion}.
    </Typography>
  );
};

/**
 * One platform across the whole company: its stage and why, the numbers
 * behind it, what is not yet measured, and usage nobody declared.
 */
export const PlatformCard = (props: { platform: OverviewPlatform }) => {
  const { platform } = props;
  const classes = useStyles();
  const rollup = platform.rollup;
  const headingId = `platform-${platform.id}-title`;

  return (
    <Card className={classes.card} role="region" aria-labelledby={headingId}>
      <CardHeader
        disableTypography
        title={
          <Typography variant="h5" component="h2" id={headingId}>
            <Link to={platform.id}>{platform.title}</Link>
          </Typography>
        }
        subheader={
          platform.vendor && (
            <Typography variant="body2" color="textSecondary">
              {platform.vendor}
            </Typography>
          )
        }
        action={rollup && <StageBadge stage={rollup.stage} size="medium" />}
      />
      <CardContent className={classes.content}>
        {rollup ? (
          <>
            <StageProgress stage={rollup.stage.stage} />
            <TrendSparkline platform={platform.id} />
            <Typography variant="body2" className={classes.section}>
              {rollup.stage.because}.
            </Typography>
            <div className={classes.stats}>
              <Stat label="Deployments" value={rollup.deployments} to={`${platform.id}/deployments`} />
              <Stat label="Teams" value={rollup.teams} to={`${platform.id}/teams`} />
              <Stat label="Production" value={rollup.production} />
              <Stat label="Non-production" value={rollup.nonProduction} />
              <Stat label="Client usages" value={rollup.clients} />
              <Stat
                label="Snowflakes"
                value={rollup.snowflakes}
                to={`${platform.id}/snowflakes`}
                tone={rollup.snowflakes > 0 ? 'warning' : undefined}
              />
              <Stat
                label="Positive deviants"
                value={rollup.positiveDeviants}
                to={`${platform.id}/snowflakes`}
                tone={rollup.positiveDeviants > 0 ? 'success' : undefined}
              />
            </div>
          </>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No deployments found. The last scan looked for {platform.title}{' '}
            configuration in every repository behind the catalog and in
            declared Resources, and found none.
          </Typography>
        )}
        <Divider />
        <Box className={classes.section}>
          <Typography variant="subtitle2" component="h3">
            Conformance
          </Typography>
          <Conformance platform={platform} />
        </Box>
        {(platform.shadowRepositories > 0 ||
          platform.declaredWithoutConfiguration > 0) && (
          <Box className={classes.section}>
            {platform.shadowRepositories > 0 && (
              <Alert severity="info" variant="outlined">
                <strong>Shadow adoption:</strong> found in{' '}
                {pluralize(
                  platform.shadowRepositories,
                  'repository',
                  'repositories',
                )}{' '}
                with nothing declared in the catalog.
              </Alert>
            )}
            {platform.declaredWithoutConfiguration > 0 && (
              <Box mt={1}>
                <Alert severity="info" variant="outlined">
                  Declared by{' '}
                  {pluralize(platform.declaredWithoutConfiguration, 'Resource')}{' '}
                  with no configuration found in any repository.
                </Alert>
              </Box>
            )}
          </Box>
        )}
      </CardContent>
      <CardActions>
        <Link to={platform.id}>Open {platform.title}</Link>
        <Link to={`${platform.id}/reference`}>Reference architecture</Link>
        <Link to={`${platform.id}/progress`}>Progress</Link>
      </CardActions>
    </Card>
  );
};
