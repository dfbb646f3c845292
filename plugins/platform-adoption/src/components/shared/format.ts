import { parseEntityRef } from '@backstage/catalog-model';
import type {
  AdoptionStage,
  FacetScalar,
} from '@platform-adoption/plugin-platform-adoption-common';

/** Pure formatting for people: numbers, shares, dates, refs and stages. */

const numberFormat = new Intl.NumberFormat(undefined);

/** 12345 → "12,345" in the reader's locale. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** 0.954 → "95%"; shares outside [0, 1] are shown as they are. */
export function formatPercent(share: number, fractionDigits = 0): string {
  return `${(share * 100).toFixed(fractionDigits)}%`;
}

/** "1 deployment", "12,345 deployments". */
export function pluralize(
  count: number,
  singular: string,
  plural = `${singular}s`,
): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO timestamp as a date and time in the reader's locale and zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

const relativeUnits: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "yesterday", "just now" — relative to `now`. */
export function formatRelativeTime(iso: string, now: number = Date.now()) {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

/** 125000 → "2 min 5 s". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** A facet value as text: numbers localised, everything else verbatim. */
export function formatFacetValue(value: FacetScalar | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/**
 * "group:default/payments" → "payments"; the kind and the default
 * namespace are left out, other namespaces kept ("ops/payments").
 */
export function shortRef(ref: string | undefined): string {
  if (!ref) return '—';
  if (ref === '*') return 'Whole company';
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

const STAGE_LABELS: Record<AdoptionStage, string> = {
  none: 'Not in use',
  exploring: 'Exploring',
  'first-team': 'First team',
  'multi-team': 'Multi-team',
  standardizing: 'Standardizing',
  'enterprise-standard': 'Enterprise standard',
};

/** "first-team" → "First team". */
export function stageLabel(stage: AdoptionStage): string {
  return STAGE_LABELS[stage] ?? stage;
}

/** "customer-insights" → "Customer insights", for refs without a title. */
export function humanize(text: string): string {
  const spaced = text.replace(/[-_]+/g, ' ').trim();
  return spaced.charAt(0).toLocaleUpperCase() + spaced.slice(1);
}
