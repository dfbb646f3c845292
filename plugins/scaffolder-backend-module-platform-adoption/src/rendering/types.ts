import {
  FacetRequirement,
  FacetScalar,
  PlatformDefinition,
} from '@platform-adoption/plugin-platform-adoption-common';

/** The environments a golden path creates deployments for. */
export const GOLDEN_PATH_ENVIRONMENTS = [
  'production',
  'staging',
  'development',
] as const;

/** @public */
export type GoldenPathEnvironment = (typeof GOLDEN_PATH_ENVIRONMENTS)[number];

/** What the person running the template chose. */
export interface RenderRequest {
  /** The component's name; also names the repository and the deployment. */
  name: string;
  owner: string;
  system?: string;
  environment: GoldenPathEnvironment;
  /** Where the repository will live, for `backstage.io/source-location`. */
  repoUrl?: string;
  /** Choices the reference leaves open; each is checked against it. */
  region?: string;
  size?: string;
}

/** What a capability may look at while it proposes values. */
export interface ChoiceContext {
  request: RenderRequest;
  /** The values chosen so far, in the form's facet order. */
  chosen: Record<string, FacetScalar>;
}

/**
 * What one form can state for one facet: the values it can write that meet
 * the requirement, most preferred first. Empty means the form cannot state
 * a conforming value, so it cannot render the reference.
 */
export interface FacetCapability {
  candidates(
    requirement: FacetRequirement | undefined,
    context: ChoiceContext,
  ): FacetScalar[];
}

/** One file the renderer writes, relative to the repository root. */
export interface RenderedFile {
  path: string;
  content: string;
}

/** Everything a form needs to write its files. */
export interface FormRenderInput {
  request: RenderRequest;
  /** A concrete value for every facet the form states. */
  values: Record<string, FacetScalar>;
  /** `mongodb@3`, written into the files' labels and comments. */
  referenceTag: string;
}

/**
 * One way to deploy a platform that the detectors read (Atlas through
 * Terraform, a MongoDB operator resource, RDS, CloudNativePG…). It states
 * every facet in `facets` explicitly in its files, so that a scan of what it
 * writes finds exactly the values it chose.
 */
export interface RenderForm {
  /** Stable id, offered as the template's `form` choice: `atlas-terraform`. */
  id: string;
  title: string;
  /** Facets the form states, in the order values are chosen. */
  facets: Record<string, FacetCapability>;
  /**
   * Why a combination of values cannot be written together (backup `none`
   * with a backup tool), or undefined when it can. Only facets chosen so far
   * are present.
   */
  conflict?(values: Record<string, FacetScalar>): string | undefined;
  /** Tags for the Resource entity beyond the platform's own (`atlas`, `kubernetes`). */
  resourceTags: string[];
  render(input: FormRenderInput): RenderedFile[];
}

/** The open choices a platform asks for, when its forms state them. */
export interface PlatformChoices {
  /** The facet that holds the region (`region`). */
  region?: { facet: string; title: string; description: string };
  /** The facet that holds the size (`instanceSize`, `instanceClass`). */
  size?: { facet: string; title: string; description: string };
}

/**
 * Renders one platform's reference architectures: one module per platform,
 * registered in `goldenPathRenderers`.
 *
 * @public
 */
export interface PlatformRenderer {
  platform: PlatformDefinition;
  /** How the Resource entity declares the platform (see the detector's entitySignals). */
  resource: { type: string; tags: string[] };
  choices: PlatformChoices;
  /** Most preferred first: the default when the reference allows several. */
  forms: RenderForm[];
}
