import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hkidCheckChar } from '../../src/shared/hkid.js';
import { DomainError } from '../../src/shared/errors.js';
import { caseWorld, type CaseWorld } from './cases-fixture.js';

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not-domain:${String(e)}`;
  }
  return undefined;
}

/** Every byte SQLite has written for the database (main file, WAL and shared memory). */
function dbBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
}

const form = (hkid: string) => ({
  hkid,
  nameEn: 'CHAN Siu Ming',
  nameZh: '陳小明',
  dateOfBirth: '1961-03-14',
  consents: [{ institutionCode: 'HKAH', status: 'granted' as const, reference: 'eHRSS consent seen' }],
});

describe('opening a case', () => {
  let w: CaseWorld;
  beforeEach(() => {
    w = caseWorld();
  });
  afterEach(() => w.cleanup());

  it('When a verified doctor submits the form, then patient, case, group, attending role and consents are stored, the patient only as ciphertext', async () => {
    const dr = w.clinician('chan');
    const { intentId, expiresAt } = await w.module.open.startCaseOpen(w.actor(dr), 'cid-group-1');
    expect(expiresAt - w.clock.now()).toBe(10 * 60_000);
    const res = await w.module.open.submitCaseForm({ intentId }, dr.id, form('a 123456 (3)'));
    expect(res.created).toBe(true);
    const code = (res as { caseCode: string }).caseCode;
    expect(code).toMatch(/^C-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$/);

    const c = await w.module.queries.findCase(code);
    expect((await w.module.queries.caseForConversation('cid-group-1'))?.code).toBe(code);
    expect(await w.module.queries.teamRoleNow(c.id, dr.id)).toBe('attending');
    expect(await w.module.queries.hasSharingConsent(c.patientId, 'inst-hkah')).toBe(true);
    expect(await w.module.reveal.revealPatient(c.id, dr.id)).toEqual({
      hkid: 'A123456(3)',
      nameEn: 'CHAN Siu Ming',
      nameZh: '陳小明',
      dateOfBirth: '1961-03-14',
    });
    expect(w.audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.open_started', 'case.opened', 'case.group_bound', 'case.team_added', 'case.consent_recorded']),
    );
    expect(JSON.stringify(w.audit.entries)).not.toContain('123456');

    w.handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = dbBytes(w.handle.dir);
    // Positive control: the scan does see what was written in clear.
    expect(bytes.includes(Buffer.from(code))).toBe(true);
    for (const secret of ['A123456', '123456', 'CHAN Siu Ming', 'Siu Ming', '陳小明', '1961-03-14']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
  });

  it('When a second doctor opens the same patient, then the existing case is offered and no second case is made', async () => {
    const a = w.clinician('chan');
    const b = w.clinician('wong', { institutionId: 'inst-hkah' });
    const first = await w.openCase(a, 'cid-a');
    const { intentId } = await w.module.open.startCaseOpen(w.actor(b), 'cid-b');
    // Same HKID written differently: still the same patient.
    const res = await w.module.open.submitCaseForm({ intentId }, b.id, { ...form('A1234563'), nameEn: 'Someone Else' });
    expect(res).toEqual({ created: false, existing: first });
    expect(w.handle.sqlite.prepare('select count(*) n from cases').get()).toEqual({ n: 1 });
    expect(w.handle.sqlite.prepare('select count(*) n from patients').get()).toEqual({ n: 1 });
    expect(await w.module.queries.caseForConversation('cid-b')).toBeUndefined();
    // The existing-case path records nothing about consent.
    expect(w.handle.sqlite.prepare('select count(*) n from patient_consents').get()).toEqual({ n: 0 });
  });

  it('When the second doctor binds the offered case, then the group is bound but they get no role', async () => {
    const a = w.clinician('chan');
    const b = w.clinician('wong');
    const first = await w.openCase(a, 'cid-a');
    const { intentId } = await w.module.open.startCaseOpen(w.actor(b), 'cid-b');
    await w.module.open.submitCaseForm({ intentId }, b.id, form('A123456(3)'));
    await expect(w.module.open.bindExistingCase(w.actor(b), first, 'cid-b')).resolves.toEqual({ caseCode: first, bound: true });
    expect((await w.module.queries.caseForConversation('cid-b'))?.code).toBe(first);
    expect(await w.module.queries.teamRoleNow((await w.module.queries.findCase(first)).id, b.id)).toBe('');
  });

  it('When a doctor who never submitted the patient tries to bind a case, then it is denied', async () => {
    const a = w.clinician('chan');
    const stranger = w.clinician('lee');
    const code = await w.openCase(a, 'cid-a');
    await expect(w.module.open.bindExistingCase(w.actor(stranger), code, 'cid-x')).rejects.toMatchObject({ code: 'access.denied' });
    // The attending may bind it anywhere.
    await expect(w.module.open.bindExistingCase(w.actor(a), code, 'cid-x')).resolves.toMatchObject({ bound: true });
  });

  it('When a closed case exists for the patient, then a new case is opened for the same patient', async () => {
    const a = w.clinician('chan');
    const first = await w.openCase(a, 'cid-a');
    w.handle.sqlite.prepare("update cases set status = 'closed' where code = ?").run(first);
    const second = await w.openCase(a, 'cid-b');
    expect(second).not.toBe(first);
    expect(w.handle.sqlite.prepare('select count(distinct patient_id) n from cases').get()).toEqual({ n: 1 });
  });

  it('When the HKID check digit is wrong, then hkid.invalid and the token stays usable', async () => {
    const dr = w.clinician('chan');
    const { intentId } = await w.module.open.startCaseOpen(w.actor(dr), 'cid-1');
    expect(await codeOf(() => w.module.open.submitCaseForm({ intentId }, dr.id, form('A123456(4)')))).toBe('hkid.invalid');
    const res = await w.module.open.submitCaseForm({ intentId }, dr.id, form('A123456(3)'));
    expect(res.created).toBe(true);
  });

  it('When other fields are wrong, then coded errors name the problem and nothing is written', async () => {
    const dr = w.clinician('chan');
    const { intentId } = await w.module.open.startCaseOpen(w.actor(dr), 'cid-1');
    const submit = (patch: object) => codeOf(() => w.module.open.submitCaseForm({ intentId }, dr.id, { ...form('A123456(3)'), ...patch }));
    expect(await submit({ dateOfBirth: '1961-02-30' })).toBe('request.invalid');
    expect(await submit({ dateOfBirth: '2099-01-01' })).toBe('request.invalid');
    expect(await submit({ nameEn: undefined, nameZh: undefined })).toBe('request.invalid');
    expect(await submit({ consents: [{ institutionCode: 'NOPE', status: 'granted' }] })).toBe('institution.not_found');
    expect(w.handle.sqlite.prepare('select count(*) n from patients').get()).toEqual({ n: 0 });
  });

  it('When a link is used twice, expires, belongs to someone else or is made up, then it is refused', async () => {
    const dr = w.clinician('chan');
    const other = w.clinician('wong');
    const first = await w.module.open.startCaseOpen(w.actor(dr), 'cid-1');
    await w.module.open.submitCaseForm({ intentId: first.intentId }, dr.id, form('A123456(3)'));
    expect(await codeOf(() => w.module.open.submitCaseForm({ intentId: first.intentId }, dr.id, form('A123456(3)')))).toBe('conflict');

    const late = await w.module.open.startCaseOpen(w.actor(dr), 'cid-2');
    w.clock.advance(10 * 60_000);
    const b = 'B' + '987654';
    const valid = `${b}(${hkidCheckChar('B', '987654')})`;
    expect(await codeOf(() => w.module.open.submitCaseForm({ intentId: late.intentId }, dr.id, form(valid)))).toBe('link.expired');

    const fresh = await w.module.open.startCaseOpen(w.actor(dr), 'cid-3');
    // Someone else's link, a made-up id and a link of another purpose all look like no link at all.
    expect(await codeOf(() => w.module.open.submitCaseForm({ intentId: fresh.intentId }, other.id, form(valid)))).toBe('not_found');
    expect(await codeOf(() => w.module.open.submitCaseForm({ intentId: 'made-up' }, dr.id, form(valid)))).toBe('not_found');
    expect(await codeOf(() => w.module.consent.recordConsent({ intentId: fresh.intentId }, dr.id, { consents: [] }))).toBe('not_found');
    // None of those refusals spent it: its owner still can.
    expect(await w.module.open.submitCaseForm({ intentId: fresh.intentId }, dr.id, form(valid))).toMatchObject({ created: true });
  });

  it('When the actor is not a verified, active doctor, then no link is issued', async () => {
    const unverified = w.clinician('new', { verified: false });
    const suspended = w.clinician('gone', { suspended: true });
    const nurse = w.clinician('nurse', { role: 'nurse' });
    expect(await codeOf(() => w.module.open.startCaseOpen(w.actor(unverified), 'cid'))).toBe('actor.unverified');
    expect(await codeOf(() => w.module.open.startCaseOpen(w.actor(suspended), 'cid'))).toBe('actor.suspended');
    expect(await codeOf(() => w.module.open.startCaseOpen(w.actor(nurse), 'cid'))).toBe('access.denied');
    expect(w.audit.entries.filter((e) => e.outcome === 'denied')).toHaveLength(3);
    expect(w.handle.sqlite.prepare('select count(*) n from link_tokens').get()).toEqual({ n: 0 });
  });

  it('When a doctor is suspended after getting the link, then the form is refused', async () => {
    const dr = w.clinician('chan');
    const { intentId } = await w.module.open.startCaseOpen(w.actor(dr), 'cid');
    w.directory.update(dr.id, { suspended: true }, w.clock.now());
    expect(await codeOf(() => w.module.open.submitCaseForm({ intentId }, dr.id, form('A123456(3)')))).toBe('actor.suspended');
  });

  it('When the group already belongs to a case, then opening another case there is refused', async () => {
    const dr = w.clinician('chan');
    await w.openCase(dr, 'cid');
    expect(await codeOf(() => w.module.open.startCaseOpen(w.actor(dr), 'cid'))).toBe('conflict');
  });

  it('When case codes are looked up, then the shape is checked before the database', async () => {
    expect(await codeOf(() => w.module.queries.findCase('C-0000O'))).toBe('case.code_invalid');
    expect(await codeOf(() => w.module.queries.findCase('C-22222'))).toBe('case.not_found');
    const dr = w.clinician('chan');
    const code = await w.openCase(dr, 'cid');
    expect((await w.module.queries.findCase(code.toLowerCase())).code).toBe(code);
  });
});
