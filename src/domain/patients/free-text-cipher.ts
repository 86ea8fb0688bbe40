import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '../../shared/errors.js';

/**
 * Free-text columns that may carry patient data (a clinician types what they like): consent references,
 * decision notes, break-glass reasons and review notes. Part of the AAD, so a ciphertext cannot be moved
 * to another column.
 */
export type FreeTextColumn =
  | 'patient_consents.reference'
  | 'restricted_consents.reference'
  | 'access_request_steps.note'
  | 'break_glass_reviews.reason'
  | 'break_glass_reviews.note'
  | 'documents.title'
  | 'case_medications.payload'
  | 'case_medications.prescriber_name'
  | 'interaction_alerts.reason'
  | 'case_notes.body'
  | 'voice_drafts.payload'
  | 'referrals.reason'
  | 'yida_submissions.form_data';

/** Sealed values start with this; anything else is a row written before encryption (see `open`). */
export const SEALED_PREFIX = 'ft1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = Buffer.from('consultbridge.patients');

export interface FreeTextCipher {
  /** `ft1.<base64 iv|tag|ciphertext>`, bound to the column and the row. */
  seal(column: FreeTextColumn, rowId: string, plaintext: string): string;
  /**
   * Opens a sealed value. A value without the prefix is a row from before encryption and is returned
   * as stored (the start-up backfill seals those); a sealed value that fails authentication is `internal`.
   */
  open(column: FreeTextColumn, rowId: string, stored: string): string;
  isSealed(stored: string): boolean;
}

const aad = (column: FreeTextColumn, rowId: string) => Buffer.from(`cb.free-text.v1\0${column}\0${rowId}`, 'utf8');

/**
 * AES-256-GCM for free text, with its own key derived (HKDF-SHA256, own `info`) from the patient-field
 * root key (KEY_DIR/patient-fields.key): whoever can read patient fields can read these, nobody else.
 */
export function createFreeTextCipher(rootKey: Buffer): FreeTextCipher {
  if (rootKey.length !== 32) throw new DomainError('config.invalid', 'patient root key must be 32 bytes');
  const key = Buffer.from(hkdfSync('sha256', rootKey, SALT, 'free-text.v1', 32));
  const isSealed = (stored: string) => stored.startsWith(SEALED_PREFIX);
  return {
    isSealed,
    seal(column, rowId, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(column, rowId));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${SEALED_PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(column, rowId, stored) {
      if (!isSealed(stored)) return stored;
      const raw = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64');
      try {
        if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('too short');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(aad(column, rowId));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new DomainError('internal', 'free-text field failed authentication', { cause });
      }
    },
  };
}

/** Seals a nullable value; null stays null. */
export function sealOrNull(c: FreeTextCipher, column: FreeTextColumn, rowId: string, v: string | null | undefined): string | null {
  return v === null || v === undefined ? null : c.seal(column, rowId, v);
}

/** Opens a nullable value; null stays null. */
export function openOrNull(c: FreeTextCipher, column: FreeTextColumn, rowId: string, v: string | null): string | null {
  return v === null ? null : c.open(column, rowId, v);
}
