import { InputError } from '@backstage/errors';
import {
  FacetRequirement,
  FacetScalar,
  ReferenceArchitectureContent,
} from '@platform-adoption/plugin-platform-adoption-common';
import { solveForm } from './solve';
import { PlatformRenderer, RenderForm, RenderRequest } from './types';

/** The variant id that means "the base requirements, no variant". */
export const BASE_VARIANT = 'base';

/** The requirements of the base, or of an approved variant laid over it. */
export function requirementsOf(
  reference: Pick<ReferenceArchitectureContent, 'facets' | 'variants'>,
  variant: string = BASE_VARIANT,
): Record<string, FacetRequirement> {
  const base = Object.fromEntries(
    Object.entries(reference.facets).map(([id, f]) => [id, f.requirement]),
  );
  if (variant === BASE_VARIANT) return base;
  const found = reference.variants.find(v => v.id === variant);
  if (!found) {
    const known = [BASE_VARIANT, ...reference.variants.map(v => v.id)].join(
      ', ',
    );
    throw new InputError(
      `the reference has no approved variant "${variant}"; its variants are ${known}`,
    );
  }
  return { ...base, ...found.facets };
}

export interface ResolvedRendering {
  form: RenderForm;
  values: Record<string, FacetScalar>;
}

/**
 * The form and facet values to render for a request: the named form, or
 * the first of the platform's forms that can state every requirement.
 * Throws an InputError that names every form's reason when none can.
 */
export function resolveRendering(
  renderer: PlatformRenderer,
  reference: Pick<ReferenceArchitectureContent, 'facets' | 'variants'>,
  request: RenderRequest,
  options: { variant?: string; form?: string } = {},
): ResolvedRendering {
  const requirements = requirementsOf(reference, options.variant);
  const { platform } = renderer;
  let forms = renderer.forms;
  if (options.form) {
    forms = renderer.forms.filter(f => f.id === options.form);
    if (forms.length === 0) {
      throw new InputError(
        `${platform.title} has no form "${
          options.form
        }"; its forms are ${renderer.forms.map(f => f.id).join(', ')}`,
      );
    }
  }
  const problems: string[] = [];
  for (const form of forms) {
    const solution = solveForm(renderer, form, requirements, request);
    if (solution.ok) return { form, values: solution.values };
    problems.push(...solution.problems);
  }
  const variant =
    options.variant && options.variant !== BASE_VARIANT
      ? ` (variant ${options.variant})`
      : '';
  throw new InputError(
    `cannot render the ${
      platform.title
    } reference architecture${variant}: ${problems.join('; ')}`,
  );
}

/** A choice the template offers: a fixed list, or free text with a default. */
export interface OpenChoice {
  title: string;
  description: string;
  enum?: string[];
  default?: string;
}

/**
 * What a golden-path template for a reference offers: the approved
 * variants and forms that can be rendered, the region and size when the
 * reference leaves them open, and why anything else cannot be rendered.
 *
 * @public
 */
export interface GoldenPathPlan {
  platform: string;
  platformTitle: string;
  variants: Array<{ id: string; title: string }>;
  forms: Array<{ id: string; title: string }>;
  defaultForm: string;
  region?: OpenChoice;
  size?: OpenChoice;
  /** Why a variant or form is left out; empty when everything renders. */
  problems: string[];
  /** The Resource type and tags that declare a deployment of the platform. */
  resource: { type: string; tags: string[] };
}

/** An open choice for a facet a renderable form states, unless the reference fixes it. */
function openChoice(
  renderer: PlatformRenderer,
  forms: RenderForm[],
  which: 'region' | 'size',
  requirement: FacetRequirement | undefined,
): OpenChoice | undefined {
  const choice = renderer.choices[which];
  if (!choice) return undefined;
  const stating = forms.filter(f => choice.facet in f.facets);
  if (stating.length === 0) return undefined;
  if (requirement && 'equals' in requirement) return undefined;
  if (requirement && 'oneOf' in requirement) {
    const values = requirement.oneOf.map(String);
    return {
      title: choice.title,
      description: choice.description,
      enum: values,
      default: values[0],
    };
  }
  const proposed = stating[0].facets[choice.facet].candidates(undefined, {
    request: {
      name: 'example',
      owner: 'group:default/example',
      environment: 'production',
    },
    chosen: {},
  })[0];
  return {
    title: choice.title,
    description: choice.description,
    ...(proposed !== undefined ? { default: String(proposed) } : {}),
  };
}

/**
 * Plans the golden-path template of a reference architecture, or returns
 * undefined when no renderer knows the platform.
 */
export function planGoldenPath(
  renderer: PlatformRenderer,
  reference: Pick<ReferenceArchitectureContent, 'facets' | 'variants'>,
): GoldenPathPlan {
  const request: RenderRequest = {
    name: 'example',
    owner: 'group:default/example',
    environment: 'production',
  };
  const variants = [
    { id: BASE_VARIANT, title: 'Base (no variant)' },
    ...reference.variants.map(v => ({ id: v.id, title: v.title })),
  ];
  const problems: string[] = [];
  const renderable = new Map<string, Set<string>>(); // form id -> variants it renders
  for (const variant of variants) {
    const requirements = requirementsOf(reference, variant.id);
    const reasons: string[] = [];
    for (const form of renderer.forms) {
      const solution = solveForm(renderer, form, requirements, request);
      if (solution.ok) {
        renderable.set(
          form.id,
          (renderable.get(form.id) ?? new Set()).add(variant.id),
        );
      } else {
        reasons.push(...solution.problems);
      }
    }
    if (!renderer.forms.some(f => renderable.get(f.id)?.has(variant.id))) {
      problems.push(
        `${
          variant.id === BASE_VARIANT ? 'the base' : `variant ${variant.id}`
        }: ${reasons.join('; ')}`,
      );
    }
  }
  const forms = renderer.forms.filter(f => renderable.has(f.id));
  const defaultForm =
    forms.find(f => renderable.get(f.id)!.has(BASE_VARIANT)) ??
    forms[0] ??
    renderer.forms[0];
  const base = requirementsOf(reference);
  const { region, size } = renderer.choices;
  return {
    platform: renderer.platform.id,
    platformTitle: renderer.platform.title,
    variants: variants.filter(v =>
      forms.some(f => renderable.get(f.id)!.has(v.id)),
    ),
    forms: forms.map(f => ({ id: f.id, title: f.title })),
    defaultForm: defaultForm.id,
    region: openChoice(renderer, forms, 'region', region && base[region.facet]),
    size: openChoice(renderer, forms, 'size', size && base[size.facet]),
    problems,
    resource: renderer.resource,
  };
}
