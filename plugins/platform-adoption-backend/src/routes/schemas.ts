import { z } from 'zod';

/** Shared shapes of request input, so every endpoint names bad input alike. */
export const name = z.string().min(1).max(200);

export const entityRef = z
  .string()
  .max(400)
  .regex(/^[a-z0-9_.-]+:[a-z0-9_.-]+\/[a-z0-9_.-]+$/i, 'must be an entity ref such as group:default/payments')
  .transform(ref => ref.toLocaleLowerCase('en-US'));

export const noQuery = z.object({}).strict();

export const pageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
