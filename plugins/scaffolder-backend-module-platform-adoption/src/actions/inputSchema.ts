import { z } from 'zod';
import { GOLDEN_PATH_ENVIRONMENTS } from '../rendering/types';

/*
 * The render action's input. Built from whichever zod the caller passes:
 * the scaffolder converts the one it passes to JSON schema for the UI and
 * for validating templates; the handler parses with this package's own,
 * because the scaffolder does not apply zod itself.
 */

/** A component name that is also a folder, a namespace and a cloud resource name. */
export const COMPONENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ENTITY_REF =
  /^([a-zA-Z][\w-]*:)?([a-zA-Z0-9][\w.-]*\/)?[a-zA-Z0-9][\w.-]*$/;

export function referenceSchema(zod: typeof z) {
  const scalar = zod.union([zod.string(), zod.number(), zod.boolean()]);
  const requirement = zod.union([
    zod.object({ equals: scalar }).strict(),
    zod.object({ oneOf: zod.array(scalar).min(1) }).strict(),
    zod.object({ versionRange: zod.string().min(1) }).strict(),
  ]);
  return zod
    .object({
      platform: zod.string(),
      version: zod.number().int().positive(),
      title: zod.string(),
      rationale: zod.string().default(''),
      ownerRef: zod.string(),
      facets: zod.record(
        zod.object({ requirement, rationale: zod.string().optional() }),
      ),
      variants: zod
        .array(
          zod.object({
            id: zod.string(),
            title: zod.string(),
            description: zod.string().optional(),
            facets: zod.record(requirement),
          }),
        )
        .default([]),
      practices: zod
        .array(
          zod.object({
            kind: zod.enum([
              'backup',
              'monitoring',
              'identity',
              'playbook',
              'other',
            ]),
            title: zod.string(),
            url: zod.string().optional(),
            description: zod.string().optional(),
          }),
        )
        .default([]),
      publishedAt: zod.string().optional(),
      publishedBy: zod.string().optional(),
      retiredAt: zod.string().optional(),
      retiredBy: zod.string().optional(),
    })
    .describe(
      'The published reference architecture version, as GET /references returns it',
    );
}

export function renderInputSchema(zod: typeof z) {
  return zod.object({
    platform: zod
      .string()
      .regex(/^[\w.-]{1,60}$/, 'must be a platform id such as mongodb')
      .describe('The platform, e.g. mongodb'),
    referenceVersion: zod
      .number()
      .int()
      .positive()
      .describe(
        'The published version of the reference architecture to render',
      ),
    reference: referenceSchema(zod)
      .optional()
      .describe(
        'The reference architecture itself, as the golden-path template embeds it; fetched from the platform-adoption backend when absent',
      ),
    name: zod
      .string()
      .max(40, 'must be at most 40 characters')
      .regex(
        COMPONENT_NAME,
        'must be lower-case letters, digits and single hyphens, starting with a letter',
      )
      .describe(
        'Name of the component; also names the repository and the deployment',
      ),
    owner: zod
      .string()
      .regex(
        ENTITY_REF,
        'must be an entity reference such as group:default/payments',
      ),
    system: zod
      .string()
      .regex(
        ENTITY_REF,
        'must be an entity reference such as system:default/payments',
      )
      .optional(),
    environment: zod.enum(GOLDEN_PATH_ENVIRONMENTS),
    variant: zod
      .string()
      .max(60)
      .default('base')
      .describe('An approved variant of the reference, or base'),
    form: zod
      .string()
      .max(60)
      .optional()
      .describe('How to deploy, when the reference allows several forms'),
    region: zod.string().max(60).optional(),
    size: zod.string().max(60).optional(),
    repoUrl: zod
      .string()
      .url()
      .optional()
      .describe(
        'The repository URL the component will live at, for backstage.io/source-location',
      ),
  });
}

export type RenderInput = z.infer<ReturnType<typeof renderInputSchema>>;
export type ReferenceInput = z.infer<ReturnType<typeof referenceSchema>>;

/** Zod issues as one sentence naming each field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      issue =>
        `${issue.path.length ? issue.path.join('.') : 'input'}: ${
          issue.message
        }`,
    )
    .join('; ');
}

/**
 * A schema built with this package's zod, for the scaffolder to convert
 * with its own: types of two zod copies do not compare (TypeScript gives up
 * on them), so the handler parses `ctx.input` itself and gets its types
 * from that.
 */
export function untypedSchema(
  build: (zod: typeof z) => z.ZodTypeAny,
): (zImpl: any) => any {
  return zImpl => build(zImpl as typeof z);
}
