import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';
import type { PatientReveal } from '../../domain/cases/patient-reveal.js';
import type { EhrAdapter, EhrAllergy } from '../../domain/ehr/ehr-port.js';
import { DomainError } from '../../shared/errors.js';

/** The audit reason of the identity reveal the key points need (the EHR is asked by HKID). */
export const ALLERGY_REVEAL_REASON = 'ehr_allergy_read';

/** An EHR allergy with its substance normalised to a lexicon drug entry, when it is one. */
export type SummaryEhrAllergy = Omit<EhrAllergy, 'code'> & { drug: { entry: string; canonical: string } | null };

/**
 * The EHR's allergies for the key points, or why they cannot be shown: `ehr.not_configured`,
 * `ehr.unavailable`, `ehr.patient_not_found`, `ehr.rejected` (never read as "no allergies").
 */
export type EhrAllergiesState = { state: 'listed'; items: SummaryEhrAllergy[] } | { state: 'unavailable'; reason: string };

export interface EhrAllergyDeps {
  ehr: Pick<EhrAdapter, 'configured' | 'patientAllergies'>;
  reveal: Pick<PatientReveal, 'revealPatient'>;
  /** How long the key points wait for the EHR (default KEY_POINTS_EHR_WAIT_MS); later it reads as unavailable. */
  waitMs?: number;
}

/**
 * The key points are opened on a ward round: they never wait out the adapter's own timeout and retries
 * (up to ~30 s). After this long the EHR's allergies read as unavailable and the page answers.
 */
export const KEY_POINTS_EHR_WAIT_MS = 3_000;

/** `work`, or an `ehr.unavailable` error once `ms` have passed (the late answer is dropped). */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DomainError('ehr.unavailable')), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

/**
 * Reads the patient's allergies from the EHR for `viewerId` (the HKID reveal is audited with
 * ALLERGY_REVEAL_REASON). An unconfigured EHR is not asked (and the HKID not revealed); an EHR error
 * becomes the unavailable state, and so does an EHR slower than `waitMs`. Substances resolve to lexicon drug entries only on a certain match
 * (exact or converted), never a sound-alike guess.
 */
export async function ehrAllergies(deps: EhrAllergyDeps, normaliser: Pick<ClinicalNormaliser, 'resolveDrug'>, caseId: string, viewerId: string): Promise<EhrAllergiesState> {
  if (!deps.ehr.configured) return { state: 'unavailable', reason: 'ehr.not_configured' };
  const { hkid } = await deps.reveal.revealPatient(caseId, viewerId, ALLERGY_REVEAL_REASON);
  let found: EhrAllergy[];
  try {
    found = await within(deps.ehr.patientAllergies(hkid), deps.waitMs ?? KEY_POINTS_EHR_WAIT_MS);
  } catch (e) {
    if (e instanceof DomainError && e.code.startsWith('ehr.')) return { state: 'unavailable', reason: e.code };
    throw e;
  }
  return { state: 'listed', items: found.map(({ code, ...a }) => ({ ...a, drug: drugOf(normaliser, a.text, code?.display) })) };
}

function drugOf(normaliser: Pick<ClinicalNormaliser, 'resolveDrug'>, ...names: (string | undefined)[]): SummaryEhrAllergy['drug'] {
  for (const name of names) {
    const r = name ? normaliser.resolveDrug(name) : undefined;
    if (r && r.how !== 'sound-alike') return { entry: r.entry, canonical: r.canonical };
  }
  return null;
}
