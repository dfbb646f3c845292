import { z } from 'zod';
import { entityRef } from './schemas';

const scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

export const requirementSchema = z.union([
  z.object({ equals: scalar }).strict(),
  z.object({ oneOf: z.array(scalar).min(1).max(50) }).strict(),
  z
    .object({
      versionRange: z
        .string()
        .max(100)
        .regex(/^\s*((>=|<=|>|<|=)?\d+(\.\d+){0,2}\s*)+$/, 'must be comparators such as ">=7.0" or ">=15 <17"'),
    })
    .strict(),
]);

const facetId = z.string().regex(/^[\w.-]{1,100}$/, 'must be a facet id');

export const referenceContentSchema = z
  .object({
    title: z.string().min(1).max(200),
    rationale: z.string().max(5000),
    ownerRef: entityRef,
    facets: z
      .record(facetId, z.object({ requirement: requirementSchema, rationale: z.string().max(2000).optional() }).strict())
      .refine(f => Object.keys(f).length <= 60, 'at most 60 facets'),
    variants: z
      .array(
        z
          .object({
            id: z.string().regex(/^[\w.-]{1,60}$/, 'must be a short id'),
            title: z.string().min(1).max(200),
            description: z.string().max(2000).optional(),
            facets: z.record(facetId, requirementSchema),
          })
          .strict(),
      )
      .max(20),
    practices: z
      .array(
        z
          .object({
            kind: z.enum(['backup', 'monitoring', 'identity', 'playbook', 'other']),
            title: z.string().min(1).max(200),
            url: z.string().url().max(2000).optional(),
            description: z.string().max(2000).optional(),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
