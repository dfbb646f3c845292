import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import {
  REFERENCE_ANNOTATION,
  ReferenceArchitectureVersion,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  BASE_VARIANT,
  GoldenPathPlan,
  PUBLISH_LOCAL_ACTION_ID,
  RENDER_ACTION_ID,
} from '@platform-adoption/plugin-scaffolder-backend-module-platform-adoption';

/** Where a golden path publishes the repository it renders. */
export type GoldenPathPublishing =
  /** A folder under `platformAdoption.localRepositories[0]`, for the demo. */
  | { type: 'local'; baseUrl: string }
  /** A new GitHub repository, picked with RepoUrlPicker. */
  | { type: 'github'; allowedHosts: string[] };

export interface GoldenPathTemplateOptions {
  publishing: GoldenPathPublishing;
  /** The reference's URL in the platform-adoption backend, for managed-by-location. */
  referenceUrl: (platform: string, version: number) => string;
  /** The platform's page in the app, linked from the template. */
  platformPageUrl?: (platform: string) => string;
}

const NAME_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
const ENTITY_NAME = /^[a-z0-9A-Z]([-_.]?[a-z0-9A-Z])*$/;

/** The template's name for a platform: `mongodb-golden-path`. */
export function templateNameOf(platform: string): string {
  return `${platform}-golden-path`;
}

/**
 * Whether the reference can be embedded in the template as it is: step
 * input strings are rendered by the scaffolder's template engine, so text
 * with its delimiters would be evaluated. Such a reference is fetched by
 * the action instead.
 */
export function embeddable(reference: ReferenceArchitectureVersion): boolean {
  return !/\$\{\{|\{%|\{#/.test(JSON.stringify(reference));
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (match ? match[1] : text.trim()).replace(/\s+/g, ' ');
}

/**
 * The scaffolder Template of a published reference architecture: it asks
 * for what the reference leaves open, renders the reference with
 * `platform-adoption:render` (the reference embedded, so the template
 * renders exactly the version it was generated from), publishes the
 * repository and registers its catalog-info.yaml.
 */
export function goldenPathTemplate(
  reference: ReferenceArchitectureVersion,
  plan: GoldenPathPlan,
  options: GoldenPathTemplateOptions,
): Entity {
  const { platform, version } = reference;
  const tag = `${platform}@${version}`;
  const name = templateNameOf(platform);
  if (name.length > 63 || !ENTITY_NAME.test(name)) {
    throw new Error(
      `platform id "${platform}" does not make a valid template name`,
    );
  }
  const { publishing } = options;
  const location = `url:${options.referenceUrl(platform, version)}`;

  const componentProperties: Record<string, object> = {
    name: {
      title: 'Name',
      type: 'string',
      description:
        'Name of the component; also names its repository and its deployment.',
      pattern: NAME_PATTERN,
      maxLength: 40,
      'ui:autofocus': true,
      'ui:help': 'Lower-case letters, digits and hyphens, e.g. orders-store.',
    },
    owner: {
      title: 'Owner',
      type: 'string',
      description: 'The team that owns the component and its deployment.',
      'ui:field': 'OwnerPicker',
      'ui:options': { catalogFilter: { kind: ['Group'] } },
    },
    system: {
      title: 'System',
      type: 'string',
      description: 'The system the component belongs to.',
      'ui:field': 'EntityPicker',
      'ui:options': {
        catalogFilter: { kind: ['System'] },
        defaultKind: 'System',
      },
    },
    environment: {
      title: 'Environment',
      type: 'string',
      enum: ['production', 'staging', 'development'],
      default: 'production',
    },
    ...(publishing.type === 'github'
      ? {
          repoUrl: {
            title: 'Repository',
            type: 'string',
            'ui:field': 'RepoUrlPicker',
            'ui:options': { allowedHosts: publishing.allowedHosts },
          },
        }
      : {}),
  };

  const choices: Record<string, object> = {};
  if (plan.variants.length > 1) {
    choices.variant = {
      title: 'Variant',
      type: 'string',
      description:
        'An approved variant of the reference architecture, or the base.',
      enum: plan.variants.map(v => v.id),
      enumNames: plan.variants.map(v => v.title),
      default: BASE_VARIANT,
    };
  }
  if (plan.forms.length > 1) {
    choices.form = {
      title: 'How to deploy',
      type: 'string',
      description: 'The forms that can meet the reference architecture.',
      enum: plan.forms.map(f => f.id),
      enumNames: plan.forms.map(f => f.title),
      default: plan.defaultForm,
    };
  }
  for (const key of ['region', 'size'] as const) {
    const choice = plan[key];
    if (!choice) continue;
    choices[key] = {
      title: choice.title,
      type: 'string',
      description: choice.description,
      ...(choice.enum ? { enum: choice.enum } : {}),
      // Sizes left open default per environment in the renderer.
      ...(choice.default && (key === 'region' || choice.enum)
        ? { default: choice.default }
        : {}),
    };
  }

  const parameters: object[] = [
    {
      title: 'Component',
      required: [
        'name',
        'owner',
        'system',
        'environment',
        ...(publishing.type === 'github' ? ['repoUrl'] : []),
      ],
      properties: componentProperties,
    },
    ...(Object.keys(choices).length
      ? [
          {
            title: 'Choices the reference architecture leaves open',
            properties: choices,
          },
        ]
      : []),
  ];

  const repoUrl =
    publishing.type === 'local'
      ? `${publishing.baseUrl}\${{ parameters.name }}/`
      : 'https://${{ (parameters.repoUrl | parseRepoUrl).host }}/${{ (parameters.repoUrl | parseRepoUrl).owner }}/${{ (parameters.repoUrl | parseRepoUrl).repo }}/';
  const render = {
    id: 'render',
    name: `Render ${reference.title} (${tag})`,
    action: RENDER_ACTION_ID,
    input: {
      platform,
      referenceVersion: version,
      ...(embeddable(reference)
        ? { reference: reference as unknown as JsonObject }
        : {}),
      name: '${{ parameters.name }}',
      owner: '${{ parameters.owner }}',
      system: '${{ parameters.system }}',
      environment: '${{ parameters.environment }}',
      variant:
        'variant' in choices
          ? '${{ parameters.variant }}'
          : plan.variants[0]?.id ?? BASE_VARIANT,
      form: 'form' in choices ? '${{ parameters.form }}' : plan.defaultForm,
      ...('region' in choices ? { region: '${{ parameters.region }}' } : {}),
      ...('size' in choices ? { size: '${{ parameters.size }}' } : {}),
      repoUrl,
    },
  };
  const publish =
    publishing.type === 'local'
      ? {
          id: 'publish',
          name: 'Publish the repository',
          action: PUBLISH_LOCAL_ACTION_ID,
          input: { name: '${{ parameters.name }}' },
        }
      : {
          id: 'publish',
          name: 'Publish the repository',
          action: 'publish:github',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            description: `\${{ parameters.name }}: created from the ${plan.platformTitle} golden path (${tag})`,
            defaultBranch: 'main',
            repoVisibility: 'private',
          },
        };
  const register = {
    id: 'register',
    name: 'Register in the catalog',
    action: 'catalog:register',
    input:
      publishing.type === 'local'
        ? { catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}' }
        : {
            repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}',
            catalogInfoPath: '/catalog-info.yaml',
          },
  };

  const links = options.platformPageUrl
    ? [
        {
          url: options.platformPageUrl(platform),
          title: `${plan.platformTitle} in Platform Adoption`,
          icon: 'dashboard',
        },
      ]
    : [];

  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name,
      title: `${plan.platformTitle} golden path (reference v${version})`,
      description: `${reference.title}: ${
        firstSentence(reference.rationale) || 'the published standard'
      } Creates a component with a ${
        plan.platformTitle
      } deployment that conforms to reference architecture ${tag}.`,
      tags: ['golden-path', 'platform-adoption', platform],
      annotations: {
        [REFERENCE_ANNOTATION]: tag,
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
      ...(links.length ? { links } : {}),
    },
    spec: {
      owner: reference.ownerRef,
      type: 'service',
      parameters,
      steps: [render, publish, register],
      output: {
        links: [
          { title: 'Repository', url: '${{ steps.publish.output.remoteUrl }}' },
          {
            title: 'Open in catalog',
            icon: 'catalog',
            entityRef: '${{ steps.register.output.entityRef }}',
          },
        ],
      },
    },
  };
}
