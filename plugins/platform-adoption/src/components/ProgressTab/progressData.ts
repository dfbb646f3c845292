import type { CampaignStatus, HistoryEvent, HistoryResponse } from '../../api';

/** One day of the history charts; days with only an event carry no figures. */
export interface HistoryRow {
  day: string;
  /** The day's midnight UTC in ms, for a time axis. */
  time: number;
  /** Percent, 0..100; null without a standard that day. */
  conformance: number | null;
  snowflakes: number | null;
  deployments: number | null;
}

export const DAY = 86_400_000;
/** A YYYY-MM-DD day as its midnight UTC in ms. */
export const dayTime = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`).getTime();
/** Ms since the epoch as YYYY-MM-DD. */
export const timeDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The history as chart rows, one per day, oldest first; conformance in percent. */
export function historyRows(history: HistoryResponse): HistoryRow[] {
  return history.series
    .map(point => {
      const share = point.metrics.conformance;
      return {
        day: point.day,
        time: dayTime(point.day),
        conformance: share === null || share === undefined ? null : Math.round(share * 1000) / 10,
        snowflakes: point.metrics.snowflakes,
        deployments: point.metrics.deployments,
      };
    })
    .sort((a, b) => a.time - b.time);
}

/** "v2 published", "v1 retired". */
export function eventLabel(event: HistoryEvent): string {
  return `v${event.version} ${event.kind}`;
}

/** Several events on one day share one marker: "v1 retired, v2 published". */
export function eventsByDay(events: HistoryEvent[]): Array<{ day: string; label: string }> {
  const byDay = new Map<string, string[]>();
  for (const event of events) byDay.set(event.day, [...(byDay.get(event.day) ?? []), eventLabel(event)]);
  return [...byDay.entries()].map(([day, labels]) => ({ day, label: labels.join(', ') }));
}

/** A chart's text alternative: first and last value, and the events. */
export function describeSeries(
  what: string,
  rows: HistoryRow[],
  key: 'conformance' | 'snowflakes',
  events: HistoryEvent[],
  unit = '',
): string {
  const points = rows.filter(r => r[key] !== null);
  if (points.length === 0) return `${what}: no data`;
  const first = points[0];
  const last = points[points.length - 1];
  const text =
    points.length === 1
      ? `${what}: ${first[key]}${unit} on ${first.day}`
      : `${what} from ${first[key]}${unit} on ${first.day} to ${last[key]}${unit} on ${last.day}`;
  return events.length ? `${text}; ${events.map(e => `${eventLabel(e)} ${e.day}`).join(', ')}` : text;
}

export interface BurnDownRow {
  day: string;
  time: number;
  nonconforming: number | null;
  total: number | null;
  /** Where a straight line from the first day to zero at the deadline is that day. */
  ideal: number | null;
}


/**
 * The burn-down as chart rows: nonconforming and total per day, the ideal
 * straight line to zero at the deadline, and the deadline itself as the
 * last day so the target shows.
 */
export function burnDownRows(status: CampaignStatus): BurnDownRow[] {
  const points = status.burnDown;
  if (points.length === 0) return [];
  const start = dayTime(points[0].day);
  const deadlineDay = status.campaign.deadline.slice(0, 10);
  const deadline = dayTime(deadlineDay);
  const initial = points[0].nonconforming;
  const ideal = (day: string) => {
    if (deadline <= start) return 0;
    const left = Math.max(0, Math.min(1, (deadline - dayTime(day)) / (deadline - start)));
    return Math.round(initial * left * 10) / 10;
  };
  const rows: BurnDownRow[] = points.map(p => ({
    day: p.day,
    time: dayTime(p.day),
    nonconforming: p.nonconforming,
    total: p.total,
    ideal: ideal(p.day),
  }));
  if (deadline > dayTime(points[points.length - 1].day) && deadline - start < 5 * 366 * DAY) {
    rows.push({ day: deadlineDay, time: deadline, nonconforming: null, total: null, ideal: 0 });
  }
  return rows;
}
