import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ADOPTION_STAGES,
  AdoptionStage,
} from '@platform-adoption/plugin-platform-adoption-common';
import { stageLabel } from './format';

const useStyles = makeStyles(theme => ({
  track: { display: 'flex', gap: theme.spacing(0.5) },
  step: {
    flex: 1,
    height: 6,
    borderRadius: 3,
    backgroundColor: theme.palette.action.disabledBackground,
  },
  reached: { backgroundColor: theme.palette.primary.main },
  labels: {
    display: 'flex',
    justifyContent: 'space-between',
    marginTop: theme.spacing(0.5),
  },
}));

/**
 * Where a platform stands on the way from exploring to the enterprise
 * standard: one segment per stage, filled up to the current one.
 */
export const StageProgress = (props: { stage: AdoptionStage }) => {
  const classes = useStyles();
  const reached = ADOPTION_STAGES.indexOf(props.stage);
  return (
    <Box
      role="img"
      aria-label={
        reached >= 0
          ? `Stage ${reached + 1} of ${ADOPTION_STAGES.length}: ${stageLabel(
              props.stage,
            )}`
          : 'Not in use yet'
      }
    >
      <div className={classes.track}>
        {ADOPTION_STAGES.map((stage, index) => (
          <div
            key={stage}
            title={stageLabel(stage)}
            className={`${classes.step} ${
              index <= reached ? classes.reached : ''
            }`}
          />
        ))}
      </div>
      <div className={classes.labels} aria-hidden>
        <Typography variant="caption" color="textSecondary">
          {stageLabel(ADOPTION_STAGES[0])}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {stageLabel(ADOPTION_STAGES[ADOPTION_STAGES.length - 1])}
        </Typography>
      </div>
    </Box>
  );
};
