import { DomainError, type ErrorCode } from '../shared/errors.js';
import { HKID_IN_TEXT } from '../shared/hkid.js';

/**
 * Every way an EHR call can fail, as one typed error. `retryable` says whether waiting can help
 * (network, timeout, 5xx, 429); data the server rejected (4xx) will be rejected again.
 * Nothing here holds patient data: no URLs with query strings, no bodies, no server diagnostics.
 */
export type EhrErrorKind =
  | 'network'
  | 'timeout'
  | 'server'
  | 'throttled'
  | 'auth'
  | 'rejected'
  | 'multiple_matches'
  | 'patient_not_found'
  | 'malformed_response'
  | 'not_configured';

/** One OperationOutcome.issue without its free text (diagnostics may echo what was sent). */
export interface OutcomeIssue {
  severity: string;
  code: string;
  /** Codes from issue.details.coding, e.g. `MSG_PARAM_INVALID`. */
  details?: string[];
  /** FHIRPath locations such as `AllergyIntolerance.reaction[0].severity`; quoted values removed. */
  expression?: string[];
}

const KIND_CODE: Record<EhrErrorKind, ErrorCode> = {
  network: 'ehr.unavailable',
  timeout: 'ehr.unavailable',
  server: 'ehr.unavailable',
  throttled: 'ehr.unavailable',
  auth: 'ehr.unavailable',
  rejected: 'ehr.rejected',
  multiple_matches: 'ehr.rejected',
  malformed_response: 'ehr.rejected',
  patient_not_found: 'ehr.patient_not_found',
  not_configured: 'ehr.not_configured',
};

export class EhrError extends DomainError {
  readonly kind: EhrErrorKind;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly issues: OutcomeIssue[];
  /** The operation, e.g. `AllergyIntolerance.create`; never a URL. */
  readonly op: string;
  /** From a 429/503 Retry-After header. */
  readonly retryAfterMs?: number;

  constructor(init: {
    kind: EhrErrorKind;
    op: string;
    httpStatus?: number;
    retryable?: boolean;
    issues?: OutcomeIssue[];
    retryAfterMs?: number;
  }) {
    super(KIND_CODE[init.kind], undefined, {
      details: { kind: init.kind, op: init.op, httpStatus: init.httpStatus, issues: init.issues ?? [] },
    });
    this.name = 'EhrError';
    this.kind = init.kind;
    this.op = init.op;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? ['network', 'timeout', 'server', 'throttled'].includes(init.kind);
    this.issues = init.issues ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Short code for logs and the queue's last_error: `ehr.rejected:http.422`, `ehr.unavailable:timeout`. */
  get shortCode(): string {
    return `${this.code}:${this.httpStatus ? `http.${this.httpStatus}` : this.kind}`;
  }
}

export function isEhrError(e: unknown): e is EhrError {
  return e instanceof EhrError;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const clip = (s: string) => s.slice(0, 120);

/** A FHIRPath may compare with a submitted value (`where(value='A123456(3)')`): drop every literal. */
function stripLiterals(path: string): string {
  return path
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(HKID_IN_TEXT, '…');
}

/** Reads an OperationOutcome body into issues without diagnostics; anything else gives []. */
export function summariseOutcome(body: unknown): OutcomeIssue[] {
  const b = body as { resourceType?: unknown; issue?: unknown } | null;
  if (!b || b.resourceType !== 'OperationOutcome' || !Array.isArray(b.issue)) return [];
  return b.issue.slice(0, 20).map((raw: unknown) => {
    const i = (raw ?? {}) as Record<string, unknown>;
    const details = ((i.details as { coding?: unknown } | undefined)?.coding ?? []) as unknown[];
    const codes = Array.isArray(details) ? details.map((c) => str((c as { code?: unknown })?.code)).filter((c) => c !== undefined) : [];
    const paths = [...(Array.isArray(i.expression) ? i.expression : []), ...(Array.isArray(i.location) ? i.location : [])]
      .map(str)
      .filter((p) => p !== undefined)
      .map((p) => clip(stripLiterals(p)));
    return {
      severity: clip(str(i.severity) ?? 'error'),
      code: clip(str(i.code) ?? 'unknown'),
      ...(codes.length ? { details: codes.map(clip) } : {}),
      ...(paths.length ? { expression: paths } : {}),
    };
  });
}
