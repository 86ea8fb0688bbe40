import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApprovalRepository } from '../../src/domain/approvals/approval-repository.js';
import { createGrantRepository } from '../../src/domain/grants/grant-repository.js';
import { createFreeTextSealing, sealAllFreeText } from '../../src/domain/patients/free-text-repository.js';
import { createFieldCipher } from '../../src/domain/patients/field-cipher.js';
import { createPatientsRepository } from '../../src/domain/patients/patients-repository.js';
import { tempDb } from '../helpers/temp-db.js';

/**
 * Issue 9, "PHI left on disk": consent references and the other free-text columns are sealed like
 * patient fields, rows written before that still read, the start-up backfill seals them, and with
 * secure_delete a blanked value is not left readable in the file's free space.
 */
const MARK = 'ZQXMARKER病人陳大文';
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function world() {
  const h = tempDb();
  cleanup = h.cleanup;
  const texts = createFieldCipher(randomBytes(32)).freeText;
  h.sqlite.exec(`insert into institutions (id, code, name_en, sector) values ('i1', 'QMH', 'Queen Mary', 'public');
    insert into patients (id, hkid_hash, hkid_cipher, name_cipher, dob_cipher, created_at) values ('p1', 'h', 'x', 'x', 'x', 0);`);
  return { h, texts, patients: createPatientsRepository(h.db, h.store, texts), grants: createGrantRepository(h.db, h.store, texts), approvals: createApprovalRepository(h.db, h.store, texts) };
}

const raw = (h: ReturnType<typeof tempDb>, sql: string) => h.sqlite.prepare(sql).pluck().all() as Array<string | null>;

describe('free text at rest', () => {
  it('When a consent reference, a decision note and a break-glass reason are written, then the rows hold ciphertext and read back', async () => {
    const { h, patients, grants, approvals } = world();
    await patients.addConsent('p1', { institutionId: 'i1', status: 'granted', reference: `${MARK} consent` }, 'dr', 1);
    await patients.addRestrictedConsent('p1', 'mental_health', `${MARK} restricted`, 'dr', 1);
    h.sqlite.exec(`insert into access_requests (id, document_id, case_id, requester_id, reason_code, chain, created_at, expires_at) values ('r1', 'd', 'c', 'u', 'referral', '[]', 0, 1)`);
    await approvals.insertStep({ requestId: 'r1', stepIndex: 0, step: 'attending', deciderId: 'dr', decision: 'deny', note: `${MARK} deny`, decidedAt: 1 });
    h.sqlite.exec(`insert into grants (id, kind, case_id, clinician_id, created_at, expires_at) values ('g1', 'break_glass', 'c', 'u', 0, 1)`);
    await grants.insertReview({ id: 'b1', grantId: 'g1', caseId: 'c', clinicianId: 'u', reason: `${MARK} breakglass`, status: 'pending', createdAt: 0 });
    await grants.closeReview('b1', { status: 'flagged', reviewerId: 'po', note: `${MARK} review`, at: 2 });

    const stored = [
      ...raw(h, 'select reference from patient_consents'), ...raw(h, 'select reference from restricted_consents'),
      ...raw(h, 'select note from access_request_steps'), ...raw(h, 'select reason from break_glass_reviews'), ...raw(h, 'select note from break_glass_reviews'),
    ];
    expect(stored).toHaveLength(5);
    for (const v of stored) expect(v).toMatch(/^ft1\./);
    expect((await patients.consentHistory('p1'))[0]!.reference).toBe(`${MARK} consent`);
    expect((await patients.latestConsent('p1', 'i1'))!.reference).toBe(`${MARK} consent`);
    expect((await patients.restrictedConsentHistory('p1'))[0]!.reference).toBe(`${MARK} restricted`);
    expect((await approvals.steps('r1'))[0]!.note).toBe(`${MARK} deny`);
    expect(await grants.findReview('b1')).toMatchObject({ reason: `${MARK} breakglass`, note: `${MARK} review` });
    h.close();
    expect(readFileSync(h.path).includes(Buffer.from('ZQXMARKER'))).toBe(false);
  });

  it('When rows were written in plain text before encryption, then they still read, and the backfill seals them', async () => {
    const { h, patients, grants } = world();
    h.sqlite.exec(`insert into patient_consents (id, patient_id, institution_id, status, reference, attested_by, recorded_at) values ('c1', 'p1', 'i1', 'granted', '${MARK} old', 'dr', 1);
      insert into grants (id, kind, case_id, clinician_id, created_at, expires_at) values ('g1', 'break_glass', 'c', 'u', 0, 1);
      insert into break_glass_reviews (id, grant_id, case_id, clinician_id, reason, created_at) values ('b1', 'g1', 'c', 'u', '${MARK} old reason', 0);`);
    expect((await patients.consentHistory('p1'))[0]!.reference).toBe(`${MARK} old`);
    expect((await grants.findReview('b1'))!.reason).toBe(`${MARK} old reason`);
    expect(await sealAllFreeText(createFreeTextSealing(h.db, h.store), createFieldCipher(randomBytes(32)).freeText)).toBeGreaterThan(0);
    expect(raw(h, 'select reference from patient_consents')[0]).toMatch(/^ft1\./);
    expect(raw(h, 'select reason from break_glass_reviews')[0]).toMatch(/^ft1\./);
  });

  it('When the backfill runs with the service key, then the values read back the same and a second run changes nothing', async () => {
    const { h, texts, patients } = world();
    h.sqlite.exec(`insert into patient_consents (id, patient_id, institution_id, status, reference, attested_by, recorded_at) values ('c1', 'p1', 'i1', 'granted', '${MARK} old', 'dr', 1)`);
    expect(await sealAllFreeText(createFreeTextSealing(h.db, h.store), texts)).toBe(1);
    expect(await sealAllFreeText(createFreeTextSealing(h.db, h.store), texts)).toBe(0);
    expect((await patients.consentHistory('p1'))[0]!.reference).toBe(`${MARK} old`);
    h.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    h.close();
    // secure_delete: the overwritten plain text is zeroed, not left in the page's free space.
    expect(readFileSync(h.path).includes(Buffer.from('ZQXMARKER'))).toBe(false);
  });

  it('When a chat payload carrying an HKID is blanked in its row, then it is not left readable in the file (secure_delete)', async () => {
    const { h } = world();
    // The shape of processed_messages: a payload kept while processing, set to null when done.
    h.sqlite.exec('create table blank_probe (id text primary key, state text not null, payload text)');
    const put = h.sqlite.prepare('insert into blank_probe values (?, ?, ?)');
    for (let i = 0; i < 5; i++) put.run(`m${i}`, 'processing', JSON.stringify({ text: `@ConsultBridge ping pt A123456(3) #${i}` }));
    h.sqlite.prepare(`update blank_probe set state = 'done', payload = null`).run();
    h.close();
    expect(readFileSync(h.path).includes(Buffer.from('A123456(3)'))).toBe(false);
  });
});
