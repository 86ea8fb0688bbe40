import type { FastifyInstance } from 'fastify';
import { startFhirSim, type FhirSim } from '../../src/sandbox/fhir-sim.js';
import type { MedicationAdded } from '../../src/domain/medications/medication.js';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, openCase, WONG } from '../helpers/sharing-flow.js';

export const HO = 'qmh-ho-wingyee';
export const ADMIN = 'qmh-cb-admin';
export const HKID = 'A123456(3)';

/** A running service with a FHIR simulator behind its EHR adapter, one case (Chan attending, Wong consulting), and every onAdded event. */
export interface MedsWorld {
  h: Harness;
  app: FastifyInstance;
  fhir: FhirSim;
  code: string;
  caseId: string;
  group: string;
  /** FHIR Patient id of the case's patient. */
  patientId: string;
  events: MedicationAdded[];
  as(who: string, method: 'GET' | 'POST', path: string, payload?: object): ReturnType<typeof asUser>;
  close(): Promise<void>;
}

export async function medsWorld(): Promise<MedsWorld> {
  const fhir = await startFhirSim();
  const patientId = fhir.addPatient(HKID);
  const h = await startHarness({
    env: { EHR_FHIR_BASE: fhir.baseUrl, EHR_TOKEN_URL: fhir.tokenUrl, EHR_CLIENT_ID: fhir.clientId, EHR_CLIENT_SECRET: fhir.clientSecret },
    service: { ehr: { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } } },
  });
  const app = await appFor(h);
  const group = h.sim.org.addGroup({ title: 'Medications', memberIds: [CHAN, WONG, HO, ADMIN] }).openConversationId;
  const code = await openCase(h, group, HKID);
  const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
  await h.service.secure.cases.team.addMember(chan, code, WONG, 'consulting');
  const caseId = (await h.service.secure.cases.queries.findCase(code)).id;
  const events: MedicationAdded[] = [];
  h.service.medications.onMedicationAdded(async (e) => {
    // Called after COMMIT: the entry is already readable outside the transaction that stored it.
    if (!(await h.service.medications.repo.find(e.caseId, e.entry.id))) throw new Error('onAdded before commit');
    events.push(e);
  });
  return {
    h, app, fhir, code, caseId, group, patientId, events,
    as: (who, method, path, payload) => asUser(h, app, who, { method, url: path, ...(payload ? { payload } : {}) }),
    async close() {
      await app.close();
      await h.close();
      await fhir.close();
    },
  };
}
