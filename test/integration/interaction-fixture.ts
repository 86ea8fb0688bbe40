import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';
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
 * `userId` records a medication on the case through the mini-app API (meds-core's route; the service's
 * interaction watch listens). Resolves once the watch has run (it runs before the answer).
 */
export async function prescribe(w: AlertWorld, code: string, userId: string, text: string, confirmed: string[] = []) {
  const res = await asUser(w.h, w.app, userId, { method: 'POST', url: `/api/cases/${code}/medications`, payload: { text, confirmed } });
  if (res.statusCode !== 201) throw new Error(`add medication: ${res.statusCode} ${res.body}`);
  return res.json() as { entry: { id: string }; unresolved: string[] };
}

export const getAlert = (w: AlertWorld, userId: string, id: string) => asUser(w.h, w.app, userId, { method: 'GET', url: `/api/interaction-alerts/${id}` });
export const listAlerts = (w: AlertWorld, userId: string, code: string) => asUser(w.h, w.app, userId, { method: 'GET', url: `/api/cases/${code}/interaction-alerts` });
export const decide = (w: AlertWorld, userId: string, id: string, what: 'acknowledge' | 'override', payload?: object) =>
  asUser(w.h, w.app, userId, { method: 'POST', url: `/api/interaction-alerts/${id}/${what}`, ...(payload ? { payload } : {}) });

/** The chat payloads (as sent, raw) since `from`: what the simulator received, every field. */
export const chatSince = (w: AlertWorld, from: number) => w.h.sim.sent.slice(from).map((s) => JSON.stringify(s.raw ?? s).toLowerCase() + s.text.toLowerCase());
