import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import type {
  AdoptionStage,
  StageAssessment,
} from '@platform-adoption/plugin-platform-adoption-common';
import { stageLabel } from './format';

/** Stage colours from the theme's palette, so light and dark themes both read. */
function stageColor(theme: Theme, stage: AdoptionStage) {
  switch (stage) {
    case 'exploring':
      return theme.palette.info.main;
    case 'first-team':
      return theme.palette.info.dark;
    case 'multi-team':
      return theme.palette.primary.main;
    case 'standardizing':
      return theme.palette.warning.main;
    case 'enterprise-standard':
      return theme.palette.success.main;
    default:
      return theme.palette.grey[500];
  }
}

const useStyles = makeStyles<Theme, { stage: AdoptionStage }>(theme => ({
  chip: ({ stage }) => {
    const background = stageColor(theme, stage);
    return {
      backgroundColor: background,
      color: theme.palette.getContrastText(background),
      fontWeight: theme.typography.fontWeightBold as number,
    };
  },
}));

/**
 * The adoption stage as a coloured badge; the sentence that justifies it is
 * the tooltip (and, with `showBecause`, the text beside it).
 */
export const StageBadge = (props: {
  stage: StageAssessment;
  size?: 'small' | 'medium';
}) => {
  const { stage, size = 'small' } = props;
  const classes = useStyles({ stage: stage.stage });
  return (
    <Tooltip title={stage.because}>
      <Chip
        size={size}
        className={classes.chip}
        label={stageLabel(stage.stage)}
        aria-label={`Stage: ${stageLabel(stage.stage)}. ${stage.because}`}
      />
    </Tooltip>
  );
};
