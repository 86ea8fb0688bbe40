/** An error answer from the service: `{code, message}` from its one code table (src/shared/errors.ts). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields of the error body, e.g. a refusal's plain-language `reasons`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Network failure (offline, service down): no status at all. */
export const NETWORK_ERROR = 'network';

export async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const b = (body ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof b.code === 'string' ? b.code : 'internal';
  const message = typeof b.message === 'string' ? b.message : res.statusText;
  return new ApiError(res.status, code, message, typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {});
}
