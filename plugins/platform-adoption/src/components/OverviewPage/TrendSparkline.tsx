import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { HistoryResponse, platformAdoptionApiRef } from '../../api';
import { formatNumber } from '../shared/format';

/** Days the sparkline looks back. */
const SPAN_DAYS = 90;

export interface Trend {
  metric: 'conformance' | 'deployments';
  points: Array<{ day: string; value: number }>;
  /** "Conformance 40% → 60% over 90 days". */
  description: string;
}

/** Conformance when a standard was measured in the period, else deployments. */
export function trendOf(history: HistoryResponse): Trend | undefined {
  const series = history.series;
  if (series.length === 0) return undefined;
  const conformance = series
    .filter(p => p.metrics.conformance !== null && p.metrics.conformance !== undefined)
    .map(p => ({ day: p.day, value: Math.round(p.metrics.conformance! * 100) }));
  const metric = conformance.length > 0 ? 'conformance' : 'deployments';
  const points =
    metric === 'conformance'
      ? conformance
      : series.map(p => ({ day: p.day, value: p.metrics.deployments }));
  const format = (v: number) => (metric === 'conformance' ? `${v}%` : formatNumber(v));
  const first = points[0];
  const last = points[points.length - 1];
  const label = metric === 'conformance' ? 'Conformance' : 'Deployments';
  const description =
    points.length === 1
      ? `${label} ${format(first.value)} on ${first.day}`
      : `${label} ${format(first.value)} → ${format(last.value)} from ${first.day} to ${last.day}`;
  return { metric, points, description };
}

/**
 * A platform's trend at a glance on the overview: conformance over the
 * last months when a standard has been measured, deployments otherwise.
 * Renders nothing when there is no history (or it cannot be read).
 */
export const TrendSparkline = ({ platform }: { platform: string }) => {
  const api = useApi(platformAdoptionApiRef);
  const theme = useTheme();
  const state = useAsync(async () => {
    const from = new Date(Date.now() - SPAN_DAYS * 86_400_000).toISOString().slice(0, 10);
    return trendOf(await api.getHistory({ platform, from }));
  }, [api, platform]);
  const trend = state.value;
  if (!trend) return null;
  return (
    <Box mt={1}>
      <Typography variant="caption" color="textSecondary" component="div">
        {trend.description}
      </Typography>
      <div role="img" aria-label={`Trend: ${trend.description}`}>
        <ResponsiveContainer width="100%" height={40}>
          <LineChart data={trend.points} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
            <YAxis hide domain={trend.metric === 'conformance' ? [0, 100] : ['auto', 'auto']} />
            <Line
              type="monotone"
              dataKey="value"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              dot={trend.points.length === 1}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </Box>
  );
};
