import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  FacetBarCount,
  FacetConsensus,
  FacetDefinition,
  REDACTED,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { deploymentsLink } from '../DeploymentsTab/deploymentFilters';
import { formatFacetValue, formatNumber, pluralize } from '../shared/format';
import { barFilters, isConsensusBar, MAX_BARS } from './facetBars';

function noConsensusText(facet: FacetDefinition) {
  return facet.context
    ? 'Context facet: it forms peer groups and is not expected to agree.'
    : 'No consensus: no value is held by half of the deployments.';
}

/**
 * One facet across the platform's server deployments: a bar per value, the
 * consensus value marked, each count a link to the deployments behind it.
 */
export const FacetChart = (props: {
  facet: FacetDefinition;
  bars: FacetBarCount[];
  consensus?: FacetConsensus;
  basePath: string;
}) => {
  const { facet, bars, consensus, basePath } = props;
  const theme = useTheme();
  const navigate = useNavigate();
  const shown = bars.slice(0, MAX_BARS);
  const link = (bar: FacetBarCount) => deploymentsLink(basePath, barFilters(facet, bar));
  const colour = (bar: FacetBarCount) => {
    if (isConsensusBar(bar, consensus)) return theme.palette.primary.main;
    if (bar.value === UNKNOWN || bar.value === REDACTED) return theme.palette.grey[500];
    return theme.palette.info.light;
  };
  const headingId = `facet-${facet.id}-title`;

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} style={{ height: '100%' }}>
      <Box p={2}>
        <Typography variant="h6" component="h3" id={headingId}>
          {facet.title}
        </Typography>
        {facet.description && (
          <Typography variant="body2" color="textSecondary">
            {facet.description}
          </Typography>
        )}
        <Typography variant="body2">
          {consensus ? (
            <>
              Consensus: <strong>{formatFacetValue(consensus.value)}</strong> ({formatNumber(consensus.support.count)} of{' '}
              {formatNumber(consensus.support.of)})
              {consensus.standard &&
                ` — consensus below standard; the standard is ${formatFacetValue(consensus.standard.value)}`}
            </>
          ) : (
            noConsensusText(facet)
          )}
        </Typography>
        <div role="img" aria-label={`${facet.title}: ${bars.map(b => `${b.value} ${b.count}`).join(', ')}`}>
          <ResponsiveContainer width="100%" height={30 + shown.length * 28}>
            <BarChart data={shown} layout="vertical" margin={{ left: 8, right: 32 }}>
              <XAxis type="number" allowDecimals={false} hide />
              <YAxis
                type="category"
                dataKey="value"
                width={120}
                stroke={theme.palette.text.secondary}
                tick={{ fontSize: 12 }}
              />
              <Tooltip
                contentStyle={{
                  backgroundColor: theme.palette.background.paper,
                  color: theme.palette.text.primary,
                }}
                cursor={{ fill: theme.palette.action.hover }}
                formatter={(value: number) => [pluralize(value, 'deployment'), '']}
              />
              <Bar
                dataKey="count"
                label={{ position: 'right', fill: theme.palette.text.primary, fontSize: 12 }}
                cursor="pointer"
                onClick={(data: { payload?: FacetBarCount }) => data.payload && navigate(link(data.payload))}
              >
                {shown.map(bar => (
                  <Cell key={bar.value} fill={colour(bar)} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <Box component="ul" m={0} pl={2}>
          {bars.map(bar => (
            <li key={bar.value}>
              <Typography variant="body2" component="span">
                {bar.value}:{' '}
                <Link to={link(bar)} aria-label={`${pluralize(bar.count, 'deployment')} with ${facet.title} ${bar.value}`}>
                  {pluralize(bar.count, 'deployment')}
                </Link>
                {isConsensusBar(bar, consensus) && ' (consensus)'}
              </Typography>
            </li>
          ))}
        </Box>
        {facet.kind === 'version' && (
          <Typography variant="caption" color="textSecondary">
            Versions are grouped by release line; their links open that
            line's deployments sorted by version, where exact versions show.
          </Typography>
        )}
      </Box>
    </Paper>
  );
};
