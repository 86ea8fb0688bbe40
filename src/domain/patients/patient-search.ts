import type { FieldCipher } from './field-cipher.js';
import type { NameIndexRepository } from './name-index-repository.js';
import { nameTokens } from './name-tokens.js';
import type { PatientsRepository } from './patients-repository.js';

/** Who a patient search found (ids only) and the query as a keyed hash, for the audit entry. */
export interface PatientMatch {
  patientIds: string[];
  /** `hkid:<hmac>` or `name:<hmac>`: the same query gives the same hash; the plaintext is never kept. */
  queryHash: string;
}

/**
 * Exact patient lookups without decrypting anything: an HKID through the keyed HKID hash, a name
 * through the name-token blind index (whole tokens, see name-tokens.ts). Whether the searcher may see
 * a match is the caller's question (the policy, per case).
 */
export function createPatientSearch(deps: { cipher: Pick<FieldCipher, 'hkidHash' | 'nameTokenHash'>; patients: Pick<PatientsRepository, 'findByHkidHash'>; nameIndex: Pick<NameIndexRepository, 'patientsWithAll'> }) {
  const { cipher } = deps;
  return {
    /** `normalisedHkid` is check-digit-valid and canonical (shared/hkid.ts normaliseHkid). */
    async byHkid(normalisedHkid: string): Promise<PatientMatch> {
      const hash = cipher.hkidHash(normalisedHkid);
      const row = await deps.patients.findByHkidHash(hash);
      return { patientIds: row ? [row.id] : [], queryHash: `hkid:${hash.slice(0, 32)}` };
    },
    async byName(text: string): Promise<PatientMatch> {
      const tokens = nameTokens(text).sort();
      const hashes = tokens.map((t) => cipher.nameTokenHash(t));
      return { patientIds: await deps.nameIndex.patientsWithAll(hashes), queryHash: `name:${cipher.nameTokenHash(tokens.join(' ')).slice(0, 32)}` };
    },
  };
}

export type PatientSearch = ReturnType<typeof createPatientSearch>;
