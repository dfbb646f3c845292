import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Parses request input, turning a schema failure into an InputError that
 * names every offending field, e.g. `limit: Number must be less than or
 * equal to 500`.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues
    .map(issue => {
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
  throw new InputError(`invalid ${what}: ${details}`);
}
