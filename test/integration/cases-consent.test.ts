import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseWorld, type CaseWorld } from './cases-fixture.js';

describe('patient consent', () => {
  let w: CaseWorld;
  beforeEach(() => {
    w = caseWorld();
    w.directory.upsertInstitution({ id: 'inst-clinic', code: 'WONGCL', nameEn: 'Wong Clinic', nameZh: null, sector: 'private' });
  });
  afterEach(() => w.cleanup());

  async function openWithAttending() {
    const attending = w.clinician('chan');
    const code = await w.openCase(attending, 'cid');
    const c = await w.module.queries.findCase(code);
    return { attending, code, patientId: c.patientId, caseId: c.id };
  }

  it('When consent is recorded several times, then the latest row wins; no row means no consent for private providers', async () => {
    const { attending, code, patientId } = await openWithAttending();
    const q = w.module.queries;
    expect(await q.hasSharingConsent(patientId, 'inst-hkah')).toBe(false);

    const record = async (status: 'granted' | 'withdrawn', institutionCode = 'HKAH') => {
      const { intentId } = await w.module.consent.startConsentForm(w.actor(attending), code);
      return w.module.consent.recordConsent({ intentId }, attending.id, { consents: [{ institutionCode, status, reference: 'eHRSS consent seen' }] });
    };
    expect(await record('granted')).toEqual({ caseCode: code, recorded: 1 });
    expect(await q.hasSharingConsent(patientId, 'inst-hkah')).toBe(true);
    w.clock.advance(1000);
    await record('withdrawn');
    expect(await q.hasSharingConsent(patientId, 'inst-hkah')).toBe(false);
    // Same millisecond: insertion order decides.
    await record('granted');
    await record('withdrawn');
    expect(await q.hasSharingConsent(patientId, 'inst-hkah')).toBe(false);
    await record('granted');
    expect(await q.hasSharingConsent(patientId, 'inst-hkah')).toBe(true);
    // Other private providers are unaffected.
    expect(await q.hasSharingConsent(patientId, 'inst-clinic')).toBe(false);
    expect(w.handle.sqlite.prepare('select count(*) n from patient_consents').get()).toEqual({ n: 5 });
  });

  it('When the institution is public, then sharing consent is implied, even after a recorded withdrawal', async () => {
    const { attending, code, patientId } = await openWithAttending();
    expect(await w.module.queries.hasSharingConsent(patientId, 'inst-qmh')).toBe(true);
    const { intentId } = await w.module.consent.startConsentForm(w.actor(attending), code);
    await w.module.consent.recordConsent({ intentId }, attending.id, { consents: [{ institutionCode: 'QMH', status: 'withdrawn' }] });
    expect(await w.module.queries.hasSharingConsent(patientId, 'inst-qmh')).toBe(true);
    expect(await w.module.queries.hasSharingConsent(patientId, 'no-such-institution')).toBe(false);
    expect((await w.module.queries.caseFacts((await w.module.queries.findCase(code)).id, attending.id)).patientConsentsToInstitution).toBe(true);
  });

  it('When restricted consent is recorded, then only that category is open', async () => {
    const { attending, code, patientId } = await openWithAttending();
    expect(await w.module.queries.hasRestrictedConsent(patientId, 'mental_health')).toBe(false);
    const { intentId } = await w.module.consent.startConsentForm(w.actor(attending), code);
    await w.module.consent.recordConsent({ intentId }, attending.id, { restrictedConsents: [{ category: 'mental_health', reference: 'patient OTP confirmed' }] });
    expect(await w.module.queries.hasRestrictedConsent(patientId, 'mental_health')).toBe(true);
    expect(await w.module.queries.hasRestrictedConsent(patientId, 'hiv')).toBe(false);
  });

  it('When someone without a treating role asks for a consent form, then it is refused', async () => {
    const { attending, code } = await openWithAttending();
    const outsider = w.clinician('wong');
    const observer = w.clinician('obs');
    await w.module.team.addMember(w.actor(attending), code, 'obs', 'observer');
    await expect(w.module.consent.startConsentForm(w.actor(outsider), code)).rejects.toThrow(expect.objectContaining({ code: 'access.denied' }));
    await expect(w.module.consent.startConsentForm(w.actor(observer), code)).rejects.toThrow(expect.objectContaining({ code: 'access.denied' }));
  });

  it('When the attester is removed from the team after getting the link, then the form is refused', async () => {
    const { attending, code, patientId } = await openWithAttending();
    w.clinician('lam');
    await w.module.team.addMember(w.actor(attending), code, 'lam', 'consulting');
    const lam = w.directory.findByDingTalkId('lam')!;
    const { intentId } = await w.module.consent.startConsentForm(w.actor(lam), code);
    await w.module.team.removeMember(w.actor(attending), code, 'lam');
    await expect(w.module.consent.recordConsent({ intentId }, lam.id, { consents: [{ institutionCode: 'HKAH', status: 'granted' }] })).rejects.toThrow(
      expect.objectContaining({ code: 'access.denied' }),
    );
    expect(await w.module.queries.hasSharingConsent(patientId, 'inst-hkah')).toBe(false);
  });
});
