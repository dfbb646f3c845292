import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatNumber } from './format';

const useStyles = makeStyles(theme => ({
  value: { fontWeight: theme.typography.fontWeightBold as number, lineHeight: 1.2 },
  warning: { color: theme.palette.warning.main },
  success: { color: theme.palette.success.main },
}));

/** A labelled figure, linked when there is a list behind it. */
export const Stat = (props: {
  label: string;
  value: number;
  to?: string;
  tone?: 'warning' | 'success';
}) => {
  const { label, value, to, tone } = props;
  const classes = useStyles();
  const figure = (
    <Typography
      variant="h5"
      component="span"
      className={`${classes.value} ${tone ? classes[tone] : ''}`}
    >
      {formatNumber(value)}
    </Typography>
  );
  return (
    <div>
      <Typography variant="caption" color="textSecondary" component="div">
        {label}
      </Typography>
      {to ? (
        <Link to={to} aria-label={`${label}: ${formatNumber(value)}`}>
          {figure}
        </Link>
      ) : (
        figure
      )}
    </div>
  );
};
