import type { z } from 'zod';
import { DomainError } from './errors.js';

/**
 * Parses with a zod schema; failure is `request.invalid` listing the offending field paths only,
 * never the values (they may be patient data), so the error is safe to log and return.
 */
export function parseOrInvalid<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))];
    throw new DomainError('request.invalid', 'input is not valid', { details: { fields } });
  }
  return parsed.data;
}
