import { DomainError } from '../../shared/errors.js';

/**
 * DingTalk answers failures in two styles (reference §3.6): v1.0 APIs use a non-2xx status with
 * `{code, message, requestid}`; oapi APIs answer HTTP 200 with `errcode ≠ 0`. Network failures and
 * timeouts have neither. All of them become one DingTalkApiError so callers (and the outbox) only
 * look at `code` and `retryable`. DingTalk's `message` text is deliberately not kept.
 */
export type DingTalkErrorKind = 'api' | 'errcode' | 'network' | 'timeout' | 'response';

export class DingTalkApiError extends Error {
  readonly code: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly kind: DingTalkErrorKind;
  /** oapi gateway sub-code (e.g. `40014` for a bad token), when present. */
  readonly subCode?: string;

  constructor(init: {
    code: string;
    kind: DingTalkErrorKind;
    status?: number;
    requestId?: string;
    subCode?: string;
    retryable?: boolean;
  }) {
    super(`DingTalk API error: ${init.code}`);
    this.name = 'DingTalkApiError';
    this.code = init.code;
    this.kind = init.kind;
    this.status = init.status;
    this.requestId = init.requestId;
    this.subCode = init.subCode;
    this.retryable = init.retryable ?? isRetryable(init.code, init.kind, init.status);
  }

  /** The error-table form for HTTP/bot surfaces: transient failures read as "unavailable". */
  toDomainError(): DomainError {
    return new DomainError(this.retryable ? 'dingtalk.unavailable' : 'dingtalk.error', undefined, {
      cause: this,
      details: { dingtalkCode: this.code },
    });
  }
}

export function isDingTalkApiError(e: unknown): e is DingTalkApiError {
  return e instanceof DingTalkApiError;
}

/** Throttling codes (reference §4.7, §9): the window is ~1 s, so waiting and retrying works. */
const RETRYABLE_CODES = new Set([
  'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi',
  'Forbidden.AccessDenied.QpsLimitForApi',
  'send.too.fast',
  'send.byToken.tooFast',
  'system.error',
  // oapi errcodes: 90018/90002 QPS, 90019 ISV QPS, 15 gateway timeout, -1 "system busy".
  '90018',
  '90002',
  '90019',
  '15',
  '-1',
]);

export function isRetryable(code: string, kind: DingTalkErrorKind, status?: number): boolean {
  if (kind === 'timeout' || kind === 'network') return true;
  if (status !== undefined && (status === 429 || status >= 500)) return true;
  return RETRYABLE_CODES.has(code);
}

/**
 * A stale or revoked token (reference §3.4): worth one refresh. `AccessTokenPermissionDenied` is a
 * missing scope, which a new token cannot fix, so it is not included.
 */
export function isAuthError(e: unknown): boolean {
  if (!isDingTalkApiError(e)) return false;
  if (e.kind === 'api') return e.code === 'InvalidAuthentication';
  if (e.kind === 'errcode') return e.code === '40014' || (e.code === '88' && e.subCode === '40014');
  return false;
}

type Body = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Maps a response to an error, or returns null when it is a success. */
export function errorFromResponse(status: number, body: unknown): DingTalkApiError | null {
  const b: Body = body && typeof body === 'object' ? (body as Body) : {};
  const errcode = b.errcode;
  if (typeof errcode === 'number' && errcode !== 0) {
    const subCode = b.sub_code === undefined ? undefined : String(b.sub_code);
    // errcode 88 with an empty sub_code is the TOP gateway's timeout (reference §9).
    const timeout = errcode === 88 && !subCode;
    return new DingTalkApiError({
      code: String(errcode),
      kind: 'errcode',
      status,
      subCode,
      requestId: str(b.request_id) ?? str(b.requestid),
      retryable: timeout ? true : undefined,
    });
  }
  if (status >= 200 && status < 300) return null;
  return new DingTalkApiError({
    code: str(b.code) ?? `http.${status}`,
    kind: 'api',
    status,
    requestId: str(b.requestid) ?? str(b.requestId),
  });
}

/** Maps a transport failure (no HTTP answer) to an error. */
export function errorFromTransport(e: unknown): DingTalkApiError {
  const code = (e as { code?: unknown })?.code;
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT';
  return new DingTalkApiError({
    code: timedOut ? 'timeout' : typeof code === 'string' ? code : 'network',
    kind: timedOut ? 'timeout' : 'network',
  });
}
