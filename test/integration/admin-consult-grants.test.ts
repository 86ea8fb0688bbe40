import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveGrantDto } from '../../src/contract/admin-grants.js';
import { acceptReferral } from '../../src/usecases/referrals/respond-referral.js';
import { grantPurposeWords } from '../../miniapp/src/admin/oversight-words.js';
import { consoleWorld, seedConsult, type ConsoleWorld } from './admin-console-fixture.js';

/**
 * The console's live grants name where a whole-case consult grant came from: an accepted referral
 * (its specialty, severity and purpose) or an MDT invitation — never "unknown".
 */
describe('admin console: consult grants in the live grants list', () => {
  let w: ConsoleWorld;
  let seed: { code: string; docId: string; caseId: string };
  let assigneeId: string;

  beforeAll(async () => {
    w = await consoleWorld();
    seed = await seedConsult(w);
    const s = w.h.service;
    // Dr Chan (attending) refers to HPH cardiology (the demo roster's first call answers) and the assignee accepts.
    const hph = (await s.directoryRepo.institutionByCode('HPH'))!;
    const opened = await s.referrals.open({ caseId: seed.caseId, requesterId: w.ids.doctor, specialty: 'cardiology', institutionId: hph.id, severity: 'urgent', purposeCode: 'second_opinion' });
    assigneeId = opened.assigneeId!;
    await acceptReferral(s.referrals.respond, assigneeId, opened.referralId);
    // An MDT invitation gives Dr Lam a consult grant too.
    await s.secure.grantConsultAccess({ caseId: seed.caseId, clinicianId: w.ids.lam, grantedBy: w.ids.doctor, minutes: 60, reason: 'mdt' });
  }, 30_000);
  afterAll(async () => w?.close());

  it('When the privacy officer lists live grants, then a referral consult grant shows its specialty, severity and purpose, and an MDT one says MDT, in both languages', async () => {
    const res = await w.call('GET', '/api/admin/grants', 'officer');
    expect(res.statusCode, res.body).toBe(200);
    const grants = (res.json() as { grants: LiveGrantDto[] }).grants.filter((g) => g.kind === 'consult');
    const referral = grants.find((g) => g.grantee.id === assigneeId)!;
    expect(referral).toMatchObject({ caseCode: seed.code, docType: null, purpose: 'second_opinion', consult: { source: 'referral', specialty: 'cardiology', severity: 'urgent' } });
    expect(referral.grantedBy?.id).toBe(assigneeId);
    const mdt = grants.find((g) => g.grantee.id === w.ids.lam)!;
    expect(mdt).toMatchObject({ purpose: 'mdt', consult: { source: 'mdt' } });
    expect(grants.every((g) => g.purpose !== 'unknown')).toBe(true);

    expect(grantPurposeWords(referral, 'en')).toBe('Consult referral (Cardiology, Urgent) · Second opinion');
    expect(grantPurposeWords(referral, 'zh')).toBe('會診轉介 (心臟科，急) · 第二意見');
    expect([grantPurposeWords(mdt, 'en'), grantPurposeWords(mdt, 'zh')]).toEqual(['MDT consult', '多專科會議會診']);
    expect(grantPurposeWords({ purpose: 'second_opinion', consult: null }, 'en')).toBe('Second opinion');
  });
});
