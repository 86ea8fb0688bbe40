import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseWorld, type CaseWorld } from './cases-fixture.js';

describe('patient consent', () => {
  let w: CaseWorld;
  beforeEach(async () => {
    w = caseWorld();
    await w.directory.upsertInstitution({ id: 'inst-clinic', code: 'WONGCL', nameEn: 'Wong Clinic', nameZh: null, sector: 'private' });
  });
  afterEach(() => w.cleanup());

  function openWithAttending() {
    const attending = w.clinician('chan');
    const code = w.openCase(attending, 'cid');
    const c = w.module.queries.findCase(code);
    return { attending, code, patientId: c.patientId, caseId: c.id };
  }

  it('When consent is recorded several times, then the latest row wins; no row means no consent for private providers', () => {
    const { attending, code, patientId } = openWithAttending();
    const q = w.module.queries;
    expect(q.hasSharingConsent(patientId, 'inst-hkah')).toBe(false);

    const record = (status: 'granted' | 'withdrawn', institutionCode = 'HKAH') => {
      const { intentId } = w.module.consent.startConsentForm(w.actor(attending), code);
      return w.module.consent.recordConsent({ intentId }, attending.id, { consents: [{ institutionCode, status, reference: 'eHRSS consent seen' }] });
    };
    expect(record('granted')).toEqual({ caseCode: code, recorded: 1 });
    expect(q.hasSharingConsent(patientId, 'inst-hkah')).toBe(true);
    w.clock.advance(1000);
    record('withdrawn');
    expect(q.hasSharingConsent(patientId, 'inst-hkah')).toBe(false);
    // Same millisecond: insertion order decides.
    record('granted');
    record('withdrawn');
    expect(q.hasSharingConsent(patientId, 'inst-hkah')).toBe(false);
    record('granted');
    expect(q.hasSharingConsent(patientId, 'inst-hkah')).toBe(true);
    // Other private providers are unaffected.
    expect(q.hasSharingConsent(patientId, 'inst-clinic')).toBe(false);
    expect(w.handle.sqlite.prepare('select count(*) n from patient_consents').get()).toEqual({ n: 5 });
  });

  it('When the institution is public, then sharing consent is implied, even after a recorded withdrawal', () => {
    const { attending, code, patientId } = openWithAttending();
    expect(w.module.queries.hasSharingConsent(patientId, 'inst-qmh')).toBe(true);
    const { intentId } = w.module.consent.startConsentForm(w.actor(attending), code);
    w.module.consent.recordConsent({ intentId }, attending.id, { consents: [{ institutionCode: 'QMH', status: 'withdrawn' }] });
    expect(w.module.queries.hasSharingConsent(patientId, 'inst-qmh')).toBe(true);
    expect(w.module.queries.hasSharingConsent(patientId, 'no-such-institution')).toBe(false);
    expect(w.module.queries.caseFacts(w.module.queries.findCase(code).id, attending.id).patientConsentsToInstitution).toBe(true);
  });

  it('When restricted consent is recorded, then only that category is open', () => {
    const { attending, code, patientId } = openWithAttending();
    expect(w.module.queries.hasRestrictedConsent(patientId, 'mental_health')).toBe(false);
    const { intentId } = w.module.consent.startConsentForm(w.actor(attending), code);
    w.module.consent.recordConsent({ intentId }, attending.id, { restrictedConsents: [{ category: 'mental_health', reference: 'patient OTP confirmed' }] });
    expect(w.module.queries.hasRestrictedConsent(patientId, 'mental_health')).toBe(true);
    expect(w.module.queries.hasRestrictedConsent(patientId, 'hiv')).toBe(false);
  });

  it('When someone without a treating role asks for a consent form, then it is refused', async () => {
    const { attending, code } = openWithAttending();
    const outsider = w.clinician('wong');
    const observer = w.clinician('obs');
    await w.module.team.addMember(w.actor(attending), code, 'obs', 'observer');
    expect(() => w.module.consent.startConsentForm(w.actor(outsider), code)).toThrow(expect.objectContaining({ code: 'access.denied' }));
    expect(() => w.module.consent.startConsentForm(w.actor(observer), code)).toThrow(expect.objectContaining({ code: 'access.denied' }));
  });

  it('When the attester is removed from the team after getting the link, then the form is refused', async () => {
    const { attending, code, patientId } = openWithAttending();
    w.clinician('lam');
    await w.module.team.addMember(w.actor(attending), code, 'lam', 'consulting');
    const lam = (await w.directory.findByDingTalkId('lam'))!;
    const { intentId } = w.module.consent.startConsentForm(w.actor(lam), code);
    await w.module.team.removeMember(w.actor(attending), code, 'lam');
    expect(() => w.module.consent.recordConsent({ intentId }, lam.id, { consents: [{ institutionCode: 'HKAH', status: 'granted' }] })).toThrow(
      expect.objectContaining({ code: 'access.denied' }),
    );
    expect(w.module.queries.hasSharingConsent(patientId, 'inst-hkah')).toBe(false);
  });
});
