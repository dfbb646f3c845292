import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { timeAxisProps } from '../ProgressTab/HistoryChart';
import { timeDay } from '../ProgressTab/progressData';
import { ErrorNotice } from '../shared/ErrorNotice';
import { pluralize } from '../shared/format';
import { latestSpreadText, OLDER, versionSpread } from './versionSpread';

// Readable on the light and the dark theme alike; the newest line takes the primary colour.
const LINE_COLOURS = ['#26a69a', '#ffb300', '#7e57c2', '#ef6c00', '#8d6e63'];

/**
 * The fleet's version lines over time, stacked: whether old lines are
 * shrinking is the question a CoE asks of a version facet.
 */
export const VersionSpreadChart = (props: { platformId: string; platformTitle: string }) => {
  const { platformId, platformTitle } = props;
  const api = useApi(platformAdoptionApiRef);
  const theme = useTheme();
  const history = useAsyncRetry(() => api.getHistory({ platform: platformId }), [api, platformId]);
  const headingId = `version-spread-${platformId}-title`;

  let body: JSX.Element;
  if (history.loading && !history.value) {
    body = <Progress />;
  } else if (history.error) {
    body = <ErrorNotice what="the version history" error={history.error} onRetry={history.retry} />;
  } else {
    const spread = versionSpread(history.value!);
    const colour = (line: string, i: number) => {
      if (line === OLDER) return theme.palette.grey[500];
      if (i === 0) return theme.palette.primary.main;
      return LINE_COLOURS[(i - 1) % LINE_COLOURS.length];
    };
    body =
      spread.rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No version recorded yet: each scan adds the day's count per version line.
        </Typography>
      ) : (
        <div role="img" aria-label={`${platformTitle} versions on ${spread.rows[spread.rows.length - 1].day}: ${latestSpreadText(spread)}`}>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={spread.rows} margin={{ top: 8, right: 24, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
              <XAxis {...timeAxisProps} stroke={theme.palette.text.secondary} />
              <YAxis allowDecimals={false} stroke={theme.palette.text.secondary} />
              <Tooltip
                labelFormatter={(time: number) => timeDay(time)}
                formatter={(value: number, line: string) => [pluralize(value, 'deployment'), line]}
                contentStyle={{ backgroundColor: theme.palette.background.paper, color: theme.palette.text.primary }}
                cursor={{ fill: theme.palette.action.hover }}
              />
              <Legend />
              {spread.lines.map((line, i) => (
                <Bar key={line} dataKey={line} name={line} stackId="versions" fill={colour(line, i)} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      );
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId}>
      <Box p={2}>
        <Typography variant="h6" component="h3" id={headingId}>
          Version spread over time
        </Typography>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Deployments per release line, one bar per day with a scan.
        </Typography>
        {body}
      </Box>
    </Paper>
  );
};
