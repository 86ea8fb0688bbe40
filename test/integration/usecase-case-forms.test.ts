import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCasesRepository } from '../../src/domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';
import { AUDIT_ACTIONS } from '../../src/shared/audit-sink.js';
import { formToFill, myFormIntent } from '../../src/usecases/cases/form-intent.js';
import { startCaseOpen, submitCaseOpen, type CaseOpenNotices } from '../../src/usecases/cases/open-case.js';
import { recordConsent } from '../../src/usecases/consent/record-consent.js';
import { caseWorld, type CaseWorld } from './cases-fixture.js';

const FORM = { hkid: 'A123456(3)', nameEn: 'CHAN Siu Ming', dateOfBirth: '1961-03-14', consents: [] };

/** Opening a case from chat through its mini-app form, recording consent, and the link-intent check, on the real case module. */
describe('use cases: submit a case-open form, record consent, a form link sent to me', () => {
  let w: CaseWorld;
  let heard: string[];
  let notices: CaseOpenNotices;
  beforeEach(() => {
    w = caseWorld();
    heard = [];
    notices = {
      caseOpened: async (conversationId, caseCode, opener) => void heard.push(`opened ${caseCode} in ${conversationId} by ${opener.id}`),
      existingCase: async (opener, caseCode) => void heard.push(`existing ${caseCode} to ${opener.id}`),
    };
  });
  afterEach(() => w.cleanup());

  const deps = () => ({
    open: w.module.open,
    consent: w.module.consent,
    tokens: w.module.tokens,
    casesRepo: createCasesRepository(w.handle.db, w.handle.store),
    directory: w.directory,
    audit: w.audit,
    notices,
  });

  async function openThrough(opener: ClinicianRow, conversationId: string) {
    const started = await startCaseOpen({ open: w.module.open, queries: w.module.queries }, w.actor(opener), conversationId);
    if (started.kind !== 'form') throw new Error(`expected a form link, got ${started.kind}`);
    const { intentId } = started;
    const link = await myFormIntent(deps(), intentId, opener.id, 'case_open');
    return submitCaseOpen(deps(), { intentId }, link, FORM);
  }

  it('When a doctor opens a case through the link, then the group hears it; the same patient from another doctor is offered the existing case, told to them alone', async () => {
    const chan = w.clinician('chan');
    const lam = w.clinician('lam');
    const first = await openThrough(chan, 'cid-1');
    expect(first).toMatchObject({ created: true });
    const second = await openThrough(lam, 'cid-2');
    expect(second).toEqual({ caseCode: first.caseCode, created: false });
    expect(heard).toEqual([`opened ${first.caseCode} in cid-1 by ${chan.id}`, `existing ${first.caseCode} to ${lam.id}`]);
  });

  it('When someone else presents my form link, or it is named for another purpose, then it is not_found and the attempt is recorded', async () => {
    const chan = w.clinician('chan');
    const wong = w.clinician('wong');
    const { intentId } = await w.module.open.startCaseOpen(w.actor(chan), 'cid-1');
    await expect(myFormIntent(deps(), intentId, wong.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(myFormIntent(deps(), intentId, chan.id, 'consent')).rejects.toMatchObject({ code: 'not_found' });
    const refused = w.audit.entries.filter((e) => e.action === AUDIT_ACTIONS.caseFormLinkRefused);
    expect(refused.map((e) => [e.actor, e.target, e.outcome])).toEqual([
      [wong.id, intentId, 'denied'],
      [chan.id, intentId, 'denied'],
    ]);
    expect((await myFormIntent(deps(), intentId, chan.id, 'case_open')).purpose).toBe('case_open');
  });

  it('When the attending records consent through a consent link, then the form shows the case and institutions, and the link is spent once', async () => {
    const chan = w.clinician('chan');
    const { caseCode } = await openThrough(chan, 'cid-1');
    const caseRow = await w.module.queries.findCase(caseCode);
    const { intentId } = await w.module.consent.startConsentForm(w.actor(chan), caseCode);

    const form = await formToFill(deps(), intentId, chan.id);
    expect(form).toMatchObject({ caseCode, link: { purpose: 'consent' } });
    expect(form.institutions.map((i) => i.code).sort()).toEqual(['HKAH', 'QMH']);

    const body = { consents: [{ institutionCode: 'HKAH', status: 'granted' as const }] };
    expect(await recordConsent(deps(), { intentId }, form.link, body)).toEqual({ caseCode, recorded: 1 });
    expect(await w.module.queries.hasSharingConsent(caseRow.patientId, 'inst-hkah')).toBe(true);
    await expect(recordConsent(deps(), { intentId }, form.link, body)).rejects.toMatchObject({ code: 'conflict' });
    await expect(myFormIntent(deps(), intentId, chan.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});
