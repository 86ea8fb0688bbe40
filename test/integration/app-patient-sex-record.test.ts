import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/service-harness.js';
import { appFor, asUser, CHAN, shareReport, WONG } from '../helpers/sharing-flow.js';

const ADMIN = 'qmh-cb-admin';
const RECORD = 'HN20261207';

/**
 * Issue 12 item 1: the case-open form takes the patient's sex and the opener's institution's record
 * number; both are sealed at rest and shown only on the patient banner, by the banner's rule.
 */
describe('patient banner: sex and record number from the case-open form', () => {
  let h: Harness;
  let app: FastifyInstance;
  let code: string;
  const banner = (who: string, c = code) => asUser(h, app, who, { method: 'GET', url: `/api/app/cases/${c}/patient` });
  const submit = async (group: string, extra: Record<string, unknown>) => {
    const chan = await h.service.directory.resolveOrEnroll(CHAN, '');
    const { intentId } = await h.service.secure.cases.open.startCaseOpen(chan, group);
    return asUser(h, app, CHAN, { method: 'POST', url: `/api/app/forms/case-open/${intentId}`, payload: { hkid: 'C222222(A)', nameEn: 'TEST Patient', dateOfBirth: '1960-05-06', consents: [], ...extra } });
  };

  beforeAll(async () => {
    h = await startHarness();
    app = await appFor(h);
  }, 30_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('When the form has a sex or record number that is not one, then 400 request.invalid and nothing is written', async () => {
    const group = h.sim.org.addGroup({ title: 'Bad form', memberIds: [CHAN] }).openConversationId;
    expect((await submit(group, { sex: 'F' })).json()).toMatchObject({ code: 'request.invalid' });
    const bad = await submit(group, { recordNumber: 'HN<script>' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    expect(h.service.db.sqlite.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 0 });
  });

  it('When Dr Chan (QMH) opens a case with sex and record number, then they are sealed at rest and his banner shows them, with QMH as the number’s institution', async () => {
    const group = h.sim.org.addGroup({ title: 'Sex and record', memberIds: [CHAN, WONG, ADMIN] }).openConversationId;
    const opened = await submit(group, { sex: 'female', recordNumber: ` ${RECORD} ` });
    expect(opened.statusCode).toBe(200);
    code = opened.json().caseCode;
    await shareReport(h, app, group, CHAN, code);

    const row = h.service.db.sqlite.prepare('SELECT sex_cipher, record_cipher FROM patients').get() as { sex_cipher: string; record_cipher: string };
    expect(row.sex_cipher).toMatch(/^v1\./);
    expect(row.record_cipher).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toMatch(/female|HN2026|QMH/);

    const res = await banner(CHAN);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ caseCode: code, sex: 'female', recordNumber: RECORD, recordInstitution: 'QMH', hkidMasked: 'C222***(A)' });
  }, 30_000);

  it('When someone the policy does not let in now asks (a group member off the team, an admin), then 403 and neither value', async () => {
    for (const who of [WONG, ADMIN]) {
      const res = await banner(who);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toMatch(/female|HN2026/);
    }
  });

  it('No chat message, audit entry or log line ever carried the record number', async () => {
    await h.service.audit.flush();
    expect(JSON.stringify(h.sim.sent)).not.toContain(RECORD);
    expect(JSON.stringify(h.service.db.sqlite.prepare('SELECT * FROM audit_entries').all())).not.toContain(RECORD);
    expect(h.logs()).not.toContain(RECORD);
    const reveals = h.service.db.sqlite.prepare("SELECT count(*) AS n FROM audit_entries WHERE action = 'case.patient_revealed' AND reason = 'patient_banner' AND outcome = 'success'").get();
    expect(reveals).toEqual({ n: 1 });
  });
});
