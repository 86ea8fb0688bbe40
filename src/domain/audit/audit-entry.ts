import { DomainError } from '../../shared/errors.js';
import { containsHkid } from '../../shared/hkid.js';
import type { AuditInput, AuditOutcome } from '../../shared/audit-sink.js';
import { hashLeaf } from './merkle.js';

/** One stored entry: the fields, plus the exact bytes that were hashed into its leaf. */
export interface AuditEntry {
  idx: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  reason: string | null;
  trace: string | null;
  /** Canonical JSON of the fields; the leaf is SHA-256(0x00 || utf8(body)). */
  body: string;
  leafHash: Buffer;
}

export const OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failure'];

/**
 * Entries hold ids and codes only. A value with whitespace or control characters is free text,
 * and a check-digit-valid HKID is patient data; both are refused before they can become
 * permanent. Errors name the field, never the value.
 */
const ID_LIKE = /^[^\s\p{Cc}]{1,160}$/u;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const REASON = /^[a-z0-9][a-z0-9_.:-]{0,63}$/;

function checkField(field: string, value: string | undefined, shape: RegExp, required: boolean): void {
  if (value === undefined) {
    if (required) throw new DomainError('request.invalid', `audit ${field} is required`);
    return;
  }
  if (!shape.test(value) || containsHkid(value)) {
    throw new DomainError('request.invalid', `audit ${field} must be an id or code`);
  }
}

export function validateAuditInput(input: AuditInput): void {
  checkField('actor', input.actor, ID_LIKE, true);
  checkField('action', input.action, ACTION, true);
  checkField('target', input.target, ID_LIKE, false);
  checkField('reason', input.reason, REASON, false);
  checkField('trace', input.trace, ID_LIKE, false);
  if (!OUTCOMES.includes(input.outcome)) throw new DomainError('request.invalid', 'audit outcome is not known');
  if (input.at !== undefined && !Number.isSafeInteger(input.at)) {
    throw new DomainError('request.invalid', 'audit time must be epoch milliseconds');
  }
}

type EntryFields = Pick<AuditEntry, 'actor' | 'action' | 'target' | 'outcome' | 'reason' | 'trace'>;

/** The stored form of the input fields: absent optionals become null, in a fixed key order. */
function fieldsOf(input: AuditInput | EntryFields): EntryFields {
  return {
    actor: input.actor,
    action: input.action,
    target: input.target ?? null,
    outcome: input.outcome,
    reason: input.reason ?? null,
    trace: input.trace ?? null,
  };
}

/**
 * The canonical body: fixed key order, nulls for absent fields, and the leaf index itself, so a
 * row moved to another position no longer matches its own body.
 */
export function encodeEntryBody(idx: number, at: number, input: AuditInput | EntryFields): string {
  return JSON.stringify({ v: 1, idx, at, ...fieldsOf(input) });
}

/** Validates and builds the entry that will be stored as leaf `idx`. */
export function buildEntry(idx: number, at: number, input: AuditInput): AuditEntry {
  validateAuditInput(input);
  const body = encodeEntryBody(idx, at, input);
  return { idx, at, ...fieldsOf(input), body, leafHash: hashLeaf(Buffer.from(body, 'utf8')) };
}

/** The same entry moved to position `idx` (when another writer got there first): body and hash redone. */
export function renumberEntry(entry: AuditEntry, idx: number): AuditEntry {
  const body = encodeEntryBody(idx, entry.at, entry);
  return { ...entry, idx, body, leafHash: hashLeaf(Buffer.from(body, 'utf8')) };
}

/**
 * Why a stored row does not stand on its own, or null when it does: its leaf hash must be the
 * hash of its body, and its body must be the canonical encoding of its own columns and position.
 */
export function entryProblem(row: AuditEntry): 'leaf_hash_mismatch' | 'body_mismatch' | null {
  if (!hashLeaf(Buffer.from(row.body, 'utf8')).equals(row.leafHash)) return 'leaf_hash_mismatch';
  return encodeEntryBody(row.idx, row.at, row) === row.body ? null : 'body_mismatch';
}

/** The position a body says it was written at, or null when the body is not readable JSON. */
export function claimedIndex(body: string): number | null {
  try {
    const idx = (JSON.parse(body) as { idx?: unknown }).idx;
    return typeof idx === 'number' && Number.isSafeInteger(idx) ? idx : null;
  } catch {
    return null;
  }
}
