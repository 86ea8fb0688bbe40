import { z } from 'zod';

/**
 * The shared error body of every 4xx/5xx answer: `{ code, message }` from the one code table
 * (src/shared/errors.ts), plus extra fields some refusals carry (e.g. `reasons`, `missing`).
 */
export const errorBody = z.object({ code: z.string(), message: z.string() });

export type ErrorBody = z.infer<typeof errorBody>;
