import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HistoryEvent } from '../../api';
import { DAY, dayTime, eventsByDay, timeDay } from './progressData';

/** The axis of a time series: days, with a day's margin each side. */
export const timeAxisProps = {
  dataKey: 'time',
  type: 'number' as const,
  scale: 'time' as const,
  domain: [`dataMin - ${DAY}`, `dataMax + ${DAY}`],
  tickFormatter: (time: number) => timeDay(time).slice(5),
};

/**
 * One metric over time as a line, with the reference architecture's
 * publications and retirements marked where they happened.
 */
export const HistoryChart = (props: {
  rows: object[];
  dataKey: string;
  name: string;
  events: HistoryEvent[];
  /** Text alternative for screen readers. */
  description: string;
  percent?: boolean;
  colour?: string;
  height?: number;
}) => {
  const { rows, dataKey, name, events, description, percent, colour, height = 240 } = props;
  const theme = useTheme();
  const stroke = colour ?? theme.palette.primary.main;
  return (
    <div role="img" aria-label={description}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 24, right: 24, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis {...timeAxisProps} stroke={theme.palette.text.secondary} />
          <YAxis
            stroke={theme.palette.text.secondary}
            allowDecimals={!percent ? false : undefined}
            domain={percent ? [0, 100] : [0, 'auto']}
            tickFormatter={(v: number) => (percent ? `${v}%` : String(v))}
          />
          <Tooltip
            labelFormatter={(time: number) => timeDay(time)}
            formatter={(value: number) => [percent ? `${value}%` : value, name]}
            contentStyle={{
              backgroundColor: theme.palette.background.paper,
              color: theme.palette.text.primary,
            }}
          />
          {eventsByDay(events).map(event => (
            <ReferenceLine
              key={event.day}
              x={dayTime(event.day)}
              stroke={theme.palette.secondary.main}
              strokeDasharray="4 4"
              ifOverflow="extendDomain"
              label={{ value: event.label, position: 'top', fill: theme.palette.text.secondary, fontSize: 11 }}
            />
          ))}
          <Line
            type="monotone"
            dataKey={dataKey}
            name={name}
            stroke={stroke}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};
