import {
  FacetBarCount,
  FacetDefinition,
  FacetRequirement,
  FacetScalar,
  ReferenceArchitectureContent,
  ReferencePractice,
  satisfies,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import type { FacetFilter } from '../../api';

/**
 * Pure helpers of the reference workbench: requirements as the editor
 * shows them (a kind and a line of text), the editor's state, and the way
 * back to the content the API takes, with a message per invalid field.
 */

export type RequirementKind = 'equals' | 'oneOf' | 'versionRange';

export const REQUIREMENT_KINDS: Array<{ kind: RequirementKind; label: string }> = [
  { kind: 'equals', label: 'equals' },
  { kind: 'oneOf', label: 'one of' },
  { kind: 'versionRange', label: 'version range' },
];

/** What the backend accepts as a range: comparators such as `>=7.0` or `>=15 <17`. */
const RANGE_PATTERN = /^\s*((>=|<=|>|<|=)?\d+(\.\d+){0,2}\s*)+$/;

export function requirementKind(requirement: FacetRequirement): RequirementKind {
  if ('equals' in requirement) return 'equals';
  if ('oneOf' in requirement) return 'oneOf';
  return 'versionRange';
}

/** The requirement's values as one editable line: `snapshot, continuous`. */
export function requirementText(requirement: FacetRequirement): string {
  if ('equals' in requirement) return String(requirement.equals);
  if ('oneOf' in requirement) return requirement.oneOf.map(String).join(', ');
  return requirement.versionRange;
}

/** A typed value as the facet holds it: booleans and numbers are not strings. */
export function parseScalar(
  facet: FacetDefinition | undefined,
  text: string,
): { value?: FacetScalar; error?: string } {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'Enter a value' };
  if (trimmed === UNKNOWN) return { error: '“unknown” cannot be required' };
  if (facet?.kind === 'boolean') {
    if (trimmed === 'true') return { value: true };
    if (trimmed === 'false') return { value: false };
    return { error: 'Enter true or false' };
  }
  if (facet?.kind === 'numeric') {
    const number = Number(trimmed);
    return Number.isFinite(number) ? { value: number } : { error: `${trimmed} is not a number` };
  }
  if (trimmed.length > 200) return { error: 'At most 200 characters' };
  return { value: trimmed };
}

/** The requirement a kind and a line of text stand for, or what is wrong with them. */
export function parseRequirement(
  kind: RequirementKind,
  text: string,
  facet: FacetDefinition | undefined,
): { requirement?: FacetRequirement; error?: string } {
  if (kind === 'versionRange') {
    if (!RANGE_PATTERN.test(text)) {
      return { error: 'Comparators such as >=7.0 or >=15 <17' };
    }
    return { requirement: { versionRange: text.trim().replace(/\s+/g, ' ') } };
  }
  if (kind === 'equals') {
    const { value, error } = parseScalar(facet, text);
    return error !== undefined ? { error } : { requirement: { equals: value! } };
  }
  const parts = text
    .split(',')
    .map(part => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { error: 'Enter values separated by commas' };
  const values: FacetScalar[] = [];
  for (const part of parts) {
    const { value, error } = parseScalar(facet, part);
    if (error !== undefined) return { error };
    if (!values.includes(value!)) values.push(value!);
  }
  if (values.length > 50) return { error: 'At most 50 values' };
  return { requirement: { oneOf: values } };
}

/** One facet requirement as the editor holds it, typed text and all. */
export interface FacetRow {
  /** Stable across edits, for React keys. */
  key: string;
  facet: string;
  kind: RequirementKind;
  text: string;
  rationale: string;
}

export interface VariantRow {
  key: string;
  id: string;
  title: string;
  description: string;
  facets: FacetRow[];
}

export interface EditorState {
  title: string;
  rationale: string;
  ownerRef: string;
  facets: FacetRow[];
  variants: VariantRow[];
  practices: ReferencePractice[];
}

let nextKey = 0;
/** A key for a new row. */
export const newKey = () => `row-${(nextKey += 1)}`;

export function facetRow(facet: string, requirement: FacetRequirement, rationale = ''): FacetRow {
  return {
    key: newKey(),
    facet,
    kind: requirementKind(requirement),
    text: requirementText(requirement),
    rationale,
  };
}

export function editorStateOf(content: ReferenceArchitectureContent): EditorState {
  return {
    title: content.title,
    rationale: content.rationale,
    ownerRef: content.ownerRef,
    facets: Object.entries(content.facets).map(([id, f]) =>
      facetRow(id, f.requirement, f.rationale ?? ''),
    ),
    variants: content.variants.map(v => ({
      key: newKey(),
      id: v.id,
      title: v.title,
      description: v.description ?? '',
      facets: Object.entries(v.facets).map(([id, requirement]) => facetRow(id, requirement)),
    })),
    practices: content.practices.map(p => ({ ...p })),
  };
}

/** Field → message; field names are `title`, `facet:<key>`, `variant:<key>`, `practice:<index>`… */
export type EditorErrors = Record<string, string>;

function readRows(
  rows: FacetRow[],
  facets: FacetDefinition[],
  errors: EditorErrors,
): Record<string, FacetRequirement> {
  const result: Record<string, FacetRequirement> = {};
  for (const row of rows) {
    const definition = facets.find(f => f.id === row.facet);
    if (!row.facet) {
      errors[`facet:${row.key}`] = 'Choose a facet';
      continue;
    }
    if (result[row.facet]) {
      errors[`facet:${row.key}`] = `${definition?.title ?? row.facet} is required twice`;
      continue;
    }
    const { requirement, error } = parseRequirement(row.kind, row.text, definition);
    if (error) errors[`facet:${row.key}`] = error;
    else result[row.facet] = requirement!;
  }
  return result;
}

const ENTITY_REF = /^[\w.-]+:([\w.-]+\/)?[\w.-]+$/;
const VARIANT_ID = /^[\w.-]{1,60}$/;

/**
 * The content the API takes, and a message for each field that keeps it
 * from being saved; `content` is set only when there are none.
 */
export function contentOf(
  state: EditorState,
  facets: FacetDefinition[],
): { content?: ReferenceArchitectureContent; errors: EditorErrors } {
  const errors: EditorErrors = {};
  if (!state.title.trim()) errors.title = 'Give the reference a title';
  if (!ENTITY_REF.test(state.ownerRef.trim())) errors.ownerRef = 'A group ref, e.g. group:default/coe';
  const base = readRows(state.facets, facets, errors);
  const content: ReferenceArchitectureContent = {
    title: state.title.trim(),
    rationale: state.rationale,
    ownerRef: state.ownerRef.trim(),
    facets: Object.fromEntries(
      state.facets
        .filter(row => base[row.facet] && !errors[`facet:${row.key}`])
        .map(row => [
          row.facet,
          { requirement: base[row.facet], ...(row.rationale.trim() ? { rationale: row.rationale.trim() } : {}) },
        ]),
    ),
    variants: [],
    practices: [],
  };
  const variantIds = new Set<string>();
  for (const variant of state.variants) {
    if (!VARIANT_ID.test(variant.id)) errors[`variant:${variant.key}:id`] = 'A short id: letters, digits, - _ .';
    else if (variantIds.has(variant.id)) errors[`variant:${variant.key}:id`] = `Variant ${variant.id} exists twice`;
    variantIds.add(variant.id);
    if (!variant.title.trim()) errors[`variant:${variant.key}:title`] = 'Give the variant a title';
    content.variants.push({
      id: variant.id,
      title: variant.title.trim(),
      ...(variant.description.trim() ? { description: variant.description.trim() } : {}),
      facets: readRows(variant.facets, facets, errors),
    });
  }
  state.practices.forEach((practice, index) => {
    if (!practice.title.trim()) errors[`practice:${index}:title`] = 'Give the practice a title';
    const url = practice.url?.trim();
    if (url && !/^https?:\/\/\S+$/.test(url)) errors[`practice:${index}:url`] = 'A link starting with https://';
    content.practices.push({
      kind: practice.kind,
      title: practice.title.trim(),
      ...(url ? { url } : {}),
      ...(practice.description?.trim() ? { description: practice.description.trim() } : {}),
    });
  });
  return Object.keys(errors).length ? { errors } : { content, errors };
}

/** Facets a reference may require: the platform's own, except the contexts. */
export function requirableFacets(facets: FacetDefinition[]): FacetDefinition[] {
  return facets.filter(f => !f.context);
}

/**
 * The Deployments tab filters that list the deployments meeting a
 * requirement, from the values the fleet has: each accepted value, and for
 * a version range each release line inside it.
 */
export function meetingFilters(
  facet: string,
  requirement: FacetRequirement,
  bars: FacetBarCount[] | undefined,
): FacetFilter[] {
  if ('equals' in requirement) return [{ facet, value: String(requirement.equals) }];
  if ('oneOf' in requirement) return requirement.oneOf.map(value => ({ facet, value: String(value) }));
  return (bars ?? [])
    .filter(bar => bar.value !== UNKNOWN && satisfies(bar.value, requirement))
    .map(bar => ({ facet, value: bar.value }));
}
