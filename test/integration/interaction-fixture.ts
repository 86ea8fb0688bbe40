import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';
import { createMedicationRepository } from '../../src/domain/medications/medication-repository.js';
import { addMedication } from '../../src/usecases/medications/add-medication.js';
import { asUser } from '../helpers/sharing-flow.js';
import type { AlertWorld } from './alert-fixture.js';
import { clinicianId } from './sharing-edge-fixture.js';

/** Every drug name these tests enter, in any form: none may reach a chat payload. */
export const DRUG_WORDS = ['warfarin', 'ibuprofen', '華法林', '布洛芬', 'zzyxo', 'anticoag', 'nsaid'];

/** The clinician row of a seeded DingTalk user. */
export async function clinician(w: AlertWorld, userId: string): Promise<ClinicianRow> {
  return (await w.h.service.directoryRepo.findById(clinicianId(w.h, userId)))!;
}

/**
 * `userId` records a medication on the case through meds-core's add use case, whose `onAdded` is the
 * service's interaction watch (as its mini-app route hands it). Resolves once the watch has run.
 */
export async function prescribe(w: AlertWorld, code: string, userId: string, text: string, confirmed: string[] = []) {
  const s = w.h.service;
  const deps = {
    cases: s.secure.cases.queries,
    authorize: s.secure.authorize,
    audit: s.audit,
    medications: createMedicationRepository(s.db.db, s.db.store, s.secure.texts),
    lexicon: s.interactions.lexicon,
    transaction: s.db.store.transaction,
    clock: s.clock,
    onAdded: s.interactions.onMedicationAdded,
    logger: s.logger,
  };
  return addMedication(deps, await clinician(w, userId), code, { text, confirmed });
}

export const getAlert = (w: AlertWorld, userId: string, id: string) => asUser(w.h, w.app, userId, { method: 'GET', url: `/api/interaction-alerts/${id}` });
export const listAlerts = (w: AlertWorld, userId: string, code: string) => asUser(w.h, w.app, userId, { method: 'GET', url: `/api/cases/${code}/interaction-alerts` });
export const decide = (w: AlertWorld, userId: string, id: string, what: 'acknowledge' | 'override', payload?: object) =>
  asUser(w.h, w.app, userId, { method: 'POST', url: `/api/interaction-alerts/${id}/${what}`, ...(payload ? { payload } : {}) });

/** The chat payloads (as sent, raw) since `from`: what the simulator received, every field. */
export const chatSince = (w: AlertWorld, from: number) => w.h.sim.sent.slice(from).map((s) => JSON.stringify(s.raw ?? s).toLowerCase() + s.text.toLowerCase());
