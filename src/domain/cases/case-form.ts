import type { z } from 'zod';
import { caseFormSchema, consentFormSchema } from '../../contract/forms.js';
import { DomainError } from '../../shared/errors.js';
import { normaliseHkid } from '../../shared/hkid.js';
import type { DirectoryRepository } from '../directory/directory-repository.js';
import type { PatientsRepository } from '../patients/patients-repository.js';

/**
 * The case-open and consent forms; their schemas are part of the API contract (src/contract/forms.ts),
 * shared with the mini-app. Validation errors carry field paths only (never the values).
 */
export { caseFormSchema, consentFormSchema };

export type CaseForm = z.input<typeof caseFormSchema>;
export type ConsentForm = z.input<typeof consentFormSchema>;
export type ConsentItems = z.output<typeof consentFormSchema>;

export function requireHkid(input: string): string {
  const hkid = normaliseHkid(input);
  if (!hkid) throw new DomainError('hkid.invalid');
  return hkid;
}

/** A real calendar date, not in the future and not before 1880. */
export function requireDateOfBirth(value: string, now: number): string {
  const d = new Date(`${value}T00:00:00Z`);
  const ok = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && d.getTime() <= now && d.getUTCFullYear() >= 1880;
  if (!ok) throw new DomainError('request.invalid', 'date of birth is not valid', { details: { fields: ['dateOfBirth'] } });
  return value;
}

export interface ResolvedConsents {
  consents: { institutionId: string; status: 'granted' | 'withdrawn'; reference: string | null }[];
  restricted: { category: string; reference: string }[];
}

/** Maps institution codes to ids; an unknown code fails the whole form before anything is written. */
export async function resolveConsents(
  directory: Pick<DirectoryRepository, 'institutionByCode'>,
  items: Pick<ConsentItems, 'consents' | 'restrictedConsents'>,
): Promise<ResolvedConsents> {
  const consents: ResolvedConsents['consents'] = [];
  for (const c of items.consents) {
    const inst = await directory.institutionByCode(c.institutionCode.toUpperCase());
    if (!inst) throw new DomainError('institution.not_found', undefined, { details: { institutionCode: c.institutionCode } });
    consents.push({ institutionId: inst.id, status: c.status, reference: c.reference ?? null });
  }
  return { consents, restricted: items.restrictedConsents ?? [] };
}

/** Writes resolved consent rows; call inside the caller's transaction. Returns how many rows. */
export async function writeConsents(patients: PatientsRepository, patientId: string, r: ResolvedConsents, attestedBy: string, now: number): Promise<number> {
  for (const c of r.consents) await patients.addConsent(patientId, c, attestedBy, now);
  for (const x of r.restricted) await patients.addRestrictedConsent(patientId, x.category, x.reference, attestedBy, now);
  return r.consents.length + r.restricted.length;
}
