import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { goldenPathRenderers, rendererFor } from '../renderers';
import { renderCatalogInfo, resourceNameOf } from '../rendering/catalogInfo';
import { requirementsOf, resolveRendering } from '../rendering/plan';
import { renderReadme } from '../rendering/readme';
import {
  PlatformRenderer,
  RenderedFile,
  RenderRequest,
} from '../rendering/types';
import { ReferenceFetcher } from './fetchReference';
import {
  describeIssues,
  untypedSchema,
  ReferenceInput,
  referenceSchema,
  renderInputSchema,
} from './inputSchema';

/** @public */
export const RENDER_ACTION_ID = 'platform-adoption:render';

/**
 * The action that renders a reference architecture into files that conform
 * by construction: the platform's infrastructure code or operator resources
 * with every required facet written out, `catalog-info.yaml` and a README.
 *
 * The reference reaches it embedded in the step input (the golden-path
 * templates do this, so a template renders exactly the version it was
 * generated from and the action runs without a backend), or, when absent,
 * fetched by platform and version from the platform-adoption backend.
 *
 * @public
 */
export function createRenderAction(
  options: {
    fetchReference?: ReferenceFetcher;
    renderers?: PlatformRenderer[];
  } = {},
) {
  const renderers = options.renderers ?? goldenPathRenderers;
  return createTemplateAction({
    id: RENDER_ACTION_ID,
    description:
      'Renders a published reference architecture into infrastructure code and catalog-info.yaml that conform to it',
    supportsDryRun: true,
    schema: {
      input: untypedSchema(renderInputSchema),
      output: {
        form: zImpl =>
          zImpl.string().describe('The form rendered, e.g. atlas-terraform'),
        files: zImpl =>
          zImpl
            .array(zImpl.string())
            .describe('Paths written, relative to the workspace'),
        componentName: zImpl => zImpl.string(),
        resourceName: zImpl => zImpl.string(),
        reference: zImpl => zImpl.string().describe('platform@version'),
      },
    },
    async handler(ctx) {
      const parsed = renderInputSchema(z).safeParse(ctx.input);
      if (!parsed.success) {
        throw new InputError(
          `invalid input to ${RENDER_ACTION_ID}: ${describeIssues(
            parsed.error,
          )}`,
        );
      }
      const input = parsed.data;
      const renderer = rendererFor(input.platform, renderers);
      if (!renderer) {
        throw new InputError(
          `no golden-path renderer for platform "${
            input.platform
          }"; renderers exist for ${renderers
            .map(r => r.platform.id)
            .join(', ')}`,
        );
      }
      const reference = await referenceOf(input, options.fetchReference);
      if (reference.retiredAt) {
        ctx.logger.warn(
          `${input.platform}@${reference.version} has been retired; rendering it anyway`,
        );
      }
      const referenceTag = `${reference.platform}@${reference.version}`;
      const request: RenderRequest = {
        name: input.name,
        owner: input.owner,
        system: input.system,
        environment: input.environment,
        repoUrl: input.repoUrl,
        region: input.region?.trim() || undefined,
        size: input.size?.trim() || undefined,
      };
      const { form, values } = resolveRendering(renderer, reference, request, {
        variant: input.variant,
        form: input.form,
      });
      ctx.logger.info(
        `Rendering ${referenceTag}${
          input.variant === 'base' ? '' : ` variant ${input.variant}`
        } as ${form.title}: ${Object.entries(values)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
      );

      const files = form.render({ request, values, referenceTag });
      const all: RenderedFile[] = [
        ...files,
        {
          path: 'catalog-info.yaml',
          content: renderCatalogInfo({
            request,
            renderer,
            form,
            referenceTag,
            referenceTitle: reference.title,
            templateRef: ctx.templateInfo?.entityRef,
          }),
        },
        {
          path: 'README.md',
          content: renderReadme({
            request,
            renderer,
            form,
            reference,
            referenceTag,
            variant: input.variant,
            values,
            requirements: requirementsOf(reference, input.variant),
            files,
          }),
        },
      ];
      for (const file of all) {
        const target = resolveSafeChildPath(ctx.workspacePath, file.path);
        await fs.mkdir(dirname(target), { recursive: true });
        await fs.writeFile(target, file.content, 'utf8');
      }

      ctx.output('form', form.id);
      ctx.output(
        'files',
        all.map(f => f.path),
      );
      ctx.output('componentName', request.name);
      ctx.output('resourceName', resourceNameOf(request, renderer));
      ctx.output('reference', referenceTag);
    },
  });
}

async function referenceOf(
  input: {
    platform: string;
    referenceVersion: number;
    reference?: ReferenceInput;
  },
  fetchReference: ReferenceFetcher | undefined,
): Promise<ReferenceInput> {
  let reference = input.reference;
  if (!reference) {
    if (!fetchReference) {
      throw new InputError(
        'no reference architecture in the input and no platform-adoption backend to fetch it from; pass `reference`',
      );
    }
    const fetched = referenceSchema(z).safeParse(
      await fetchReference(input.platform, input.referenceVersion),
    );
    if (!fetched.success) {
      throw new Error(
        `the platform-adoption backend returned an unreadable reference architecture: ${describeIssues(
          fetched.error,
        )}`,
      );
    }
    reference = fetched.data;
  }
  if (
    reference.platform !== input.platform ||
    reference.version !== input.referenceVersion
  ) {
    throw new InputError(
      `the reference passed is ${reference.platform}@${reference.version}, not ${input.platform}@${input.referenceVersion}`,
    );
  }
  return reference;
}
