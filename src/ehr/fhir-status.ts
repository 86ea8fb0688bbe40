import { EhrError, summariseOutcome, type EhrErrorKind } from './ehr-error.js';

/** Maps an HTTP status (and its OperationOutcome, if any) and transport failures to EhrError. */
export function errorForStatus(status: number, body: unknown, op: string, headers?: Record<string, unknown>): EhrError {
  let kind: EhrErrorKind = 'rejected';
  if (status === 401 || status === 403) kind = 'auth';
  else if (status === 408) kind = 'timeout';
  else if (status === 429) kind = 'throttled';
  else if (status >= 500) kind = 'server';
  // 412 on a conditional create: more than one resource matched the If-None-Exist criteria.
  else if (status === 412) kind = 'multiple_matches';
  return new EhrError({ kind, op, httpStatus: status, issues: summariseOutcome(body), retryAfterMs: retryAfterMs(headers) });
}

/** No HTTP answer: only the error's code is kept (the axios error carries headers and the body). */
export function transportError(e: unknown, op: string): EhrError {
  const code = (e as { code?: unknown })?.code;
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT';
  return new EhrError({ kind: timedOut ? 'timeout' : 'network', op });
}

/** Retry-After in seconds (the HTTP-date form is rare for FHIR servers and is ignored). */
export function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
  const v = headers?.['retry-after'];
  const n = typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
}
