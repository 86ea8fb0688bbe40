import { z } from 'zod';

/**
 * The shared error body of every 4xx/5xx answer: `{ code, message, hint }` — what happened and what to
 * do — from the one code table (src/shared/errors.ts, src/shared/error-hints.ts), plus extra fields some
 * refusals carry (e.g. `reasons`, `missing`). Screens show `message` and `hint`, never `code`.
 */
export const errorBody = z.object({ code: z.string(), message: z.string(), hint: z.string().optional() });

export type ErrorBody = z.infer<typeof errorBody>;
