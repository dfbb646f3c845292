import {
  REFERENCE_ANNOTATION,
  SOURCE_TEMPLATE_ANNOTATION,
} from '@platform-adoption/plugin-platform-adoption-common';
import { yamlDocuments } from './text';
import {
  GoldenPathEnvironment,
  PlatformRenderer,
  RenderForm,
  RenderRequest,
} from './types';

/** Catalog lifecycles for the environments, as the scanner reads them back. */
const LIFECYCLE: Record<GoldenPathEnvironment, string> = {
  production: 'production',
  staging: 'staging',
  development: 'experimental',
};

/** The name of the Resource entity that declares the deployment. */
export function resourceNameOf(
  request: RenderRequest,
  renderer: PlatformRenderer,
): string {
  return `${request.name}-${renderer.platform.id}`;
}

/**
 * `catalog-info.yaml`: the Component (owner, system, lifecycle from the
 * environment, its repository, the reference it was rendered from) and the
 * Resource it depends on, typed and tagged so the scanner counts it as a
 * declared deployment of the platform.
 */
export function renderCatalogInfo(options: {
  request: RenderRequest;
  renderer: PlatformRenderer;
  form: RenderForm;
  referenceTag: string;
  referenceTitle: string;
  /** The template the entity is created from (`ctx.templateInfo.entityRef`). */
  templateRef?: string;
}): string {
  const { request, renderer, form, referenceTag, referenceTitle, templateRef } =
    options;
  const annotations = {
    ...(request.repoUrl
      ? { 'backstage.io/source-location': `url:${request.repoUrl}` }
      : {}),
    [REFERENCE_ANNOTATION]: referenceTag,
    // What catalog:write adds: the scanner counts golden-path adoption by it.
    ...(templateRef ? { [SOURCE_TEMPLATE_ANNOTATION]: templateRef } : {}),
  };
  const resourceName = resourceNameOf(request, renderer);
  const system = request.system ? { system: request.system } : {};
  const component = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: request.name,
      description: `Created from the ${renderer.platform.title} golden path (${referenceTitle}, ${referenceTag}).`,
      annotations,
      tags: ['golden-path', renderer.platform.id],
    },
    spec: {
      type: 'service',
      lifecycle: LIFECYCLE[request.environment],
      owner: request.owner,
      ...system,
      dependsOn: [`resource:${resourceName}`],
    },
  };
  const resource = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: resourceName,
      description: `${form.title} for ${request.name} (${request.environment}), rendered from ${referenceTag}.`,
      annotations,
      tags: [...new Set([...renderer.resource.tags, ...form.resourceTags])],
    },
    spec: {
      type: renderer.resource.type,
      owner: request.owner,
      ...system,
    },
  };
  return yamlDocuments(component, resource);
}
