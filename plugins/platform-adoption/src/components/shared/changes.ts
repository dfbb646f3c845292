import type { ReferenceChange } from '@platform-adoption/plugin-platform-adoption-common';
import { FacetTitles } from './reasons';

const TEXT_FIELDS: Record<string, string> = {
  title: 'Title',
  rationale: 'Rationale',
  ownerRef: 'Owner',
};

/** What a change is about, in words: "Backup", "Variant sharded", "Owner". */
export function changeSubject(change: ReferenceChange, titles: FacetTitles): string {
  switch (change.kind) {
    case 'facet':
      return titles(change.subject);
    case 'variant':
      return `Variant ${change.subject}`;
    case 'practice':
      return `Practice “${change.subject}”`;
    default:
      return TEXT_FIELDS[change.subject] ?? change.subject;
  }
}

/** A change as one sentence: "Backup: snapshot → one of snapshot, continuous", "TLS added: true". */
export function changeSentence(change: ReferenceChange, titles: FacetTitles): string {
  const subject = changeSubject(change, titles);
  if (change.kind === 'text' && change.subject === 'rationale') return 'Rationale changed';
  if (change.change === 'added') return change.to ? `${subject} added: ${change.to}` : `${subject} added`;
  if (change.change === 'removed') return change.from ? `${subject} removed (was ${change.from})` : `${subject} removed`;
  return `${subject}: ${change.from ?? '—'} → ${change.to ?? '—'}`;
}
