import { DEFAULT_MAX_BYTES } from '../domain/vault/upload-check.js';
import { DomainError } from '../shared/errors.js';

/** Base64 of the largest scan the vault takes (20 MB), padded. */
export const MAX_SCAN_BASE64 = Math.ceil(DEFAULT_MAX_BYTES / 3) * 4;
/** The alert JSON with its scan: the base64 plus room for the form's short fields. */
export const ALERT_BODY_LIMIT = MAX_SCAN_BASE64 + 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The optional scan travels in the alert JSON as base64 (`scan`), so the alert and its scan are one
 * request: nothing is pending between two calls, and a retried submit carries its scan again. Only the
 * encoding is checked here; what the bytes are (PDF, JPEG, PNG) the vault's upload check decides.
 */
export function splitScan(body: Record<string, unknown>): { form: Record<string, unknown>; scan?: Buffer } {
  const { scan, ...form } = body;
  if (scan === undefined || scan === null || scan === '') return { form };
  if (typeof scan !== 'string') throw new DomainError('request.invalid', 'scan must be base64', { details: { fields: ['scan'] } });
  if (scan.length > MAX_SCAN_BASE64) throw new DomainError('request.too_large');
  if (scan.length % 4 !== 0 || !BASE64.test(scan)) throw new DomainError('request.invalid', 'scan must be base64', { details: { fields: ['scan'] } });
  return { form, scan: Buffer.from(scan, 'base64') };
}
