import type { FastifyInstance } from 'fastify';
import { makePdf } from '../fixtures/make-pdf.js';
import { seedClinician, seededClinician } from '../helpers/directory-seed.js';
import type { Harness } from '../helpers/service-harness.js';
import { CHAN, LAM, shareReport } from '../helpers/sharing-flow.js';

/** A second QMH cardiologist, added to the simulated org and the directory: the escalation colleague. */
export const NG = 'qmh-ng-kwokwai';

export function addColleague(h: Harness): void {
  h.sim.org.addUser({ userId: NG, name: 'Ng Kwok-wai', title: 'Consultant, Cardiology', dept: 'Cardiology · Queen Mary Hospital', lang: 'en_US' });
  if (seededClinician(h.service.db.db, NG)) return;
  seedClinician(
    h.service.db.db,
    {
      dingtalkUserId: NG,
      displayName: 'Ng Kwok-wai',
      nameEn: 'Dr NG Kwok-wai',
      nameZh: '吳國偉',
      title: 'Consultant, Cardiology',
      department: 'Cardiology',
      institutionId: 'QMH',
      role: 'doctor',
      specialty: 'Cardiology',
      registrationNo: 'M67890',
      verified: true,
      verifiedBy: null,
      verifiedAt: h.service.clock.now(),
      suspended: false,
      language: 'en',
    },
    h.service.clock.now(),
  );
}

/** Dr Chan opens a case in the cardiology group with Dr Lam consulting; returns the case code. */
export async function caseWithLam(h: Harness, hkid: string): Promise<string> {
  const group = h.demo.groups.cardiologyConsult;
  const cases = h.service.secure.cases;
  const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
  const { intentId } = await cases.open.startCaseOpen(chan, group);
  const out = await cases.open.submitCaseForm({ intentId }, chan.clinician.id, { hkid, nameEn: 'ESCALATION Patient', dateOfBirth: '1950-01-02', consents: [] });
  if (!out.created) throw new Error('case existed');
  await cases.team.addMember(chan, out.caseCode, LAM, 'consulting', group);
  return out.caseCode;
}

/** `share C-…` by Dr Chan in the group, then the upload with `?urgent=1` from the app; returns the document id. */
export async function shareUrgent(h: Harness, app: FastifyInstance, code: string): Promise<string> {
  return shareReport(h, app, h.demo.groups.cardiologyConsult, CHAN, code, await makePdf({ pages: 1, text: 'Urgent echo' }), '?urgent=1');
}
