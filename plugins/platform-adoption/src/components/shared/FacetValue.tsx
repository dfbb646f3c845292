import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonBase from '@material-ui/core/ButtonBase';
import Popover from '@material-ui/core/Popover';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import LockIcon from '@material-ui/icons/Lock';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import {
  REDACTED,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import type { FacetValue as FacetValueData } from '@platform-adoption/plugin-platform-adoption-common';
import { useState, MouseEvent } from 'react';
import { formatFacetValue } from './format';
import { evidenceLabel, evidenceUrl } from './links';

const useStyles = makeStyles(theme => ({
  value: {
    ...theme.typography.body2,
    padding: theme.spacing(0.25, 0.5),
    margin: theme.spacing(0, -0.5),
    borderRadius: theme.shape.borderRadius,
    textAlign: 'left',
    borderBottom: `1px dotted ${theme.palette.text.secondary}`,
    '&:hover, &:focus-visible': {
      backgroundColor: theme.palette.action.hover,
    },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
    },
  },
  unknown: {
    fontStyle: 'italic',
    color: theme.palette.text.secondary,
  },
  redacted: {
    fontFamily: 'monospace',
    color:
      theme.palette.type === 'dark'
        ? theme.palette.warning.light
        : theme.palette.warning.dark,
    backgroundColor: theme.palette.action.selected,
  },
  icon: { fontSize: '1em', marginRight: theme.spacing(0.5) },
  missing: { color: theme.palette.text.disabled },
  popover: { padding: theme.spacing(2), maxWidth: 420 },
}));

/** What 'unknown' and '<redacted>' mean, for people who meet them. */
export const SPECIAL_VALUE_HELP: Record<string, string> = {
  [UNKNOWN]:
    'Could not be resolved from the source (for example a ${VAR} or a Terraform variable without a default). Nothing was guessed.',
  [REDACTED]:
    'The value looked like a credential and was removed before it was stored.',
};

/**
 * A facet value with its evidence one click away: the file and line it was
 * read from (linked), or the catalog entity field. `unknown` and
 * `<redacted>` look different from real values, so nobody mistakes them
 * for configuration.
 */
export const FacetValue = (props: {
  /** The facet's title, for the evidence panel and screen readers. */
  facetTitle: string;
  value: FacetValueData | undefined;
  repository?: string;
  /** Offers "show only deployments with this value" when given. */
  onFilter?: (value: string) => void;
}) => {
  const { facetTitle, value, repository, onFilter } = props;
  const classes = useStyles();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  if (!value) {
    return (
      <span className={classes.missing} aria-label={`${facetTitle}: not found`}>
        —
      </span>
    );
  }
  const text = formatFacetValue(value.value);
  const specialClasses: Record<string, string> = {
    [UNKNOWN]: classes.unknown,
    [REDACTED]: classes.redacted,
  };
  const special = specialClasses[String(value.value)] ?? '';
  const evidence = value.evidence;
  const url = evidenceUrl(evidence, repository);
  const help = SPECIAL_VALUE_HELP[String(value.value)];

  return (
    <>
      <Tooltip title={`${evidenceLabel(evidence)} — click for details`}>
      <ButtonBase
        className={`${classes.value} ${special}`}
        aria-haspopup="dialog"
        aria-label={`${facetTitle}: ${text}. Show where this value comes from`}
        onClick={(e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget)}
      >
        {value.value === REDACTED && <LockIcon className={classes.icon} />}
        {value.value === UNKNOWN && (
          <HelpOutlineIcon className={classes.icon} />
        )}
        {text}
      </ButtonBase>
      </Tooltip>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        <Box className={classes.popover} role="dialog" aria-label={`Evidence for ${facetTitle}`}>
          <Typography variant="subtitle2">
            {facetTitle}: {text}
          </Typography>
          {help && (
            <Typography variant="body2" color="textSecondary" paragraph>
              {help}
            </Typography>
          )}
          <Typography variant="body2">
            {evidence.kind === 'file' ? 'Read from ' : 'From the catalog: '}
            {url ? (
              <Link to={url} externalLinkIcon>
                {evidenceLabel(evidence)}
              </Link>
            ) : (
              <code>{evidenceLabel(evidence)}</code>
            )}
          </Typography>
          {evidence.note && (
            <Typography variant="body2" color="textSecondary">
              {evidence.note}
            </Typography>
          )}
          {onFilter && (
            <Box mt={1}>
              <Button
                size="small"
                color="primary"
                onClick={() => {
                  setAnchor(null);
                  onFilter(String(value.value));
                }}
              >
                Show only deployments with {facetTitle}: {text}
              </Button>
            </Box>
          )}
        </Box>
      </Popover>
    </>
  );
};
