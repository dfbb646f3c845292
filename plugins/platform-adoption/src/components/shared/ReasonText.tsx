import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import type { FindingReason } from '@platform-adoption/plugin-platform-adoption-common';
import { formatFacetValue, formatPercent } from './format';
import { explainReason, FacetTitles } from './reasons';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1) },
  icon: { fontSize: '1.1em', marginTop: 2 },
  worse: { color: theme.palette.warning.main },
  better: { color: theme.palette.success.main },
  value: { fontWeight: theme.typography.fontWeightBold as number },
  share: { whiteSpace: 'nowrap' },
}));

/**
 * One reason of a finding in words and numbers: "Backup: none — 11 of 13
 * peers: continuous", with the share of the score it accounts for.
 */
export const ReasonText = (props: {
  reason: FindingReason;
  titles: FacetTitles;
  showContribution?: boolean;
}) => {
  const { reason, titles, showContribution } = props;
  const classes = useStyles();
  const better = reason.direction === 'better';
  const Icon = better ? TrendingUpIcon : WarningIcon;
  return (
    <Typography variant="body2" component="div" className={classes.root}>
      <Icon
        className={`${classes.icon} ${better ? classes.better : classes.worse}`}
        aria-hidden
      />
      <span>
        {titles(reason.facet)}:{' '}
        <span className={classes.value}>{formatFacetValue(reason.value)}</span>{' '}
        — {explainReason(reason, titles)}
        {showContribution && reason.contribution > 0 && (
          <Typography
            component="span"
            variant="caption"
            color="textSecondary"
            className={classes.share}
          >
            {' '}
            ({formatPercent(reason.contribution)} of the score)
          </Typography>
        )}
      </span>
    </Typography>
  );
};
