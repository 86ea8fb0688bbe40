import { DomainError } from '../shared/errors.js';
import { containsHkid } from '../shared/hkid.js';

/**
 * The one outbound guard: every payload bound for DingTalk passes through `assertNoPhi` before it
 * leaves the process. It refuses a payload that carries a check-digit-valid HKID anywhere (including
 * inside JSON-encoded strings such as `msgParam`), however it is typed — full-width letters, digits and
 * brackets from a Chinese IME, square or CJK brackets, spaces, hyphens, Chinese text around it (see
 * `containsHkid`, which folds the text with NFKC first) — or any value marked as patient data.
 */
const PATIENT_DATA = Symbol.for('consultbridge.patientData');

/** Marks a value as patient data so that the guard refuses any payload containing it. */
export function patientData<T extends object>(value: T): T {
  Object.defineProperty(value, PATIENT_DATA, { value: true, enumerable: false });
  return value;
}

/** Keys that only ever hold patient data; their presence alone blocks a payload. */
const PATIENT_KEYS = new Set(['hkid', 'patientName', 'patientNameZh', 'dateOfBirth', 'dob', 'patientId']);

export type PhiFinding = 'hkid' | 'marked_field' | 'patient_key';

/** Returns why the payload is refused, or null when it is clean. Never returns the offending value. */
export function findPhi(payload: unknown, depth = 0): PhiFinding | null {
  if (depth > 32 || payload === null || payload === undefined) return null;
  if (typeof payload === 'string') return containsHkid(payload) ? 'hkid' : null;
  if (typeof payload !== 'object') return null;
  if ((payload as Record<symbol, unknown>)[PATIENT_DATA]) return 'marked_field';
  if (Array.isArray(payload)) {
    for (const item of payload) {
      const f = findPhi(item, depth + 1);
      if (f) return f;
    }
    return null;
  }
  for (const [key, value] of Object.entries(payload)) {
    if (PATIENT_KEYS.has(key)) return 'patient_key';
    const f = findPhi(value, depth + 1);
    if (f) return f;
  }
  return null;
}

export class PhiBlockedError extends DomainError {
  constructor(readonly finding: PhiFinding) {
    super('phi.blocked', `Outbound payload refused: ${finding}`, { details: { finding } });
  }
}

/** Throws PhiBlockedError (code `phi.blocked`) when the payload carries patient data. */
export function assertNoPhi(payload: unknown): void {
  const finding = findPhi(payload);
  if (finding) throw new PhiBlockedError(finding);
}
